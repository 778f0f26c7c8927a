using MediaMonitor.Infrastructure;
using Npgsql;

namespace MediaMonitor.Api.Tests.Infrastructure;

public sealed class PoolBoundTests
{
    [Fact]
    public void a_connection_string_without_a_pool_size_gets_the_default_bound()
    {
        var bounded = new NpgsqlConnectionStringBuilder(Persistence.WithPoolBound("Host=db;Username=mm;Database=mm"));

        Assert.Equal(Persistence.DefaultMaxPoolSize, bounded.MaxPoolSize);
        Assert.Equal("db", bounded.Host);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=7")]
    [InlineData("Host=db;maxpoolsize=7")]
    public void a_pool_size_the_connection_string_states_is_kept(string connectionString)
    {
        Assert.Equal(7, new NpgsqlConnectionStringBuilder(Persistence.WithPoolBound(connectionString)).MaxPoolSize);
    }
}
