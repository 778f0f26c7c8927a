using System.Net.Sockets;
using MediaMonitor.Infrastructure;
using Npgsql;

namespace MediaMonitor.Api.Tests.Infrastructure;

public sealed class DatabaseUnavailableTests
{
    private static PostgresException Postgres(string sqlState) => new("message", "FATAL", "FATAL", sqlState);

    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown)]
    [InlineData(PostgresErrorCodes.CannotConnectNow)]
    [InlineData(PostgresErrorCodes.TooManyConnections)]
    [InlineData(PostgresErrorCodes.ConnectionFailure)]
    public void a_server_that_is_stopping_starting_or_full_is_unavailable(string sqlState) =>
        Assert.True(HttpErrors.IsDatabaseUnavailable(Postgres(sqlState)));

    [Fact]
    public void a_refused_connection_wrapped_by_marten_is_unavailable() =>
        Assert.True(HttpErrors.IsDatabaseUnavailable(new InvalidOperationException("outer",
            new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused)))));

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.UndefinedTable)]
    [InlineData(PostgresErrorCodes.CharacterNotInRepertoire)]
    public void an_error_the_server_answered_about_the_statement_is_not_unavailability(string sqlState) =>
        Assert.False(HttpErrors.IsDatabaseUnavailable(Postgres(sqlState)));

    [Fact]
    public void an_error_of_our_own_is_not_unavailability() =>
        Assert.False(HttpErrors.IsDatabaseUnavailable(new InvalidOperationException("bug")));
}
