using MediaMonitor.Infrastructure;
using Npgsql;

namespace MediaMonitor.Api.Tests.Infrastructure;

public sealed class ConnectionDefaultsTests
{
    [Fact]
    public void a_connection_string_without_a_pool_size_or_preparation_gets_the_defaults()
    {
        var given = new NpgsqlConnectionStringBuilder(Persistence.WithDefaults("Host=db;Username=mm;Database=mm"));

        Assert.Equal(Persistence.DefaultMaxPoolSize, given.MaxPoolSize);
        Assert.Equal(Persistence.DefaultMaxAutoPrepare, given.MaxAutoPrepare);
        Assert.Equal("db", given.Host);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=7")]
    [InlineData("Host=db;maxpoolsize=7")]
    public void a_pool_size_the_connection_string_states_is_kept(string connectionString)
    {
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(Persistence.WithDefaults(connectionString)).MaxPoolSize);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=0")]
    public void automatic_preparation_the_connection_string_turns_off_stays_off(string connectionString)
    {
        Assert.Equal(0, new NpgsqlConnectionStringBuilder(Persistence.WithDefaults(connectionString)).MaxAutoPrepare);
    }
}
