using JasperFx.Events;

namespace MediaMonitor.Infrastructure;

public static class EventCausation
{
    /// <summary>Names the event (by its id) that caused this one: the causation ids then lead from a request's first
    /// event, step by step, to the last webhook attempt it caused.</summary>
    public static IEvent CausedBy(this IEvent e, Guid by)
    {
        e.CausationId = by.ToString();
        return e;
    }
}
