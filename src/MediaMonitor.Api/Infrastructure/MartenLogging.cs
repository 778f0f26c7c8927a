using MediaMonitor.Ingestion;
using Marten;
using Marten.Services;
using Npgsql;

namespace MediaMonitor.Infrastructure;

/// <summary>
/// Marten's own logger writes every failed command as an error with its SQL and its parameters (article text among
/// them). A failure the caller expects and answers for, a lost race (a duplicate key, a stream version moved on) or a
/// query its client gave up on, is one debug line here; any other failure stays an error, with the SQL but without the
/// parameters.
/// </summary>
public sealed class MartenLogging(ILogger<IDocumentStore> logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Marten changed the schema: {Sql}", sql);

    public void LogSuccess(NpgsqlCommand command) => logger.LogTrace("{Sql}", command.CommandText);

    public void LogSuccess(NpgsqlBatch batch) => logger.LogTrace("A batch of {Commands} commands", batch.BatchCommands.Count);

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failed(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        Failed(ex, string.Join(";\n", batch.BatchCommands.OfType<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => Failed(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private void Failed(Exception ex, string what)
    {
        // A batch's wait for its articles' claims running out is how it defers them, not a failure.
        if (HttpErrors.IsLostRace(ex) || ArticleClaims.IsLockTimeout(ex) || ex is OperationCanceledException || ex.InnerException is OperationCanceledException)
        {
            logger.LogDebug("Marten command refused ({Reason}): {Message}", ex.GetType().Name, ex.Message);
            return;
        }
        logger.LogError(ex, "Marten command failed: {Sql}", what);
    }
}
