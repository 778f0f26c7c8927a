using JasperFx.Events.Projections;
using Marten;

namespace MediaMonitor.Audit;

/// <summary>
/// The tables of their own that projections write besides documents (a story index, timeline counts), as each
/// registers them for Marten to empty before a rebuild (<c>DeleteDataInTableOnTeardown</c>).
/// </summary>
public static class ProjectionTables
{
    public static IReadOnlyList<string> Of(object projection) =>
        projection is ProjectionBase p ? p.Options.CleanUps.OfType<DeleteTableData>().Select(d => d.TableIdentifier).ToList() : [];

    public static IReadOnlyList<string> All(IDocumentStore store) =>
        store.Options.Events.Projections().SelectMany(Of).Distinct().Order(StringComparer.Ordinal).ToList();
}
