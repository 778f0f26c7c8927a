namespace MediaMonitor.Postgres;

public sealed class PostgresUnavailableException(string message) : Exception(message);
