namespace MediaMonitor.Timelines;

/// <summary>A timeline's bucket, in the caller's time zone: a clock hour, a calendar day, an ISO week (from Monday).</summary>
public enum BucketSize { Hour, Day, Week }
