using Npgsql;
using Paylink.Data;

namespace Paylink.Server.Tests.Api;

/// <summary>Paylink's Npgsql defaults apply only where the operator's connection string says nothing.</summary>
public sealed class PostgresDefaultsTests
{
    [Fact]
    public void A_connection_string_that_says_nothing_gets_no_reset_and_prepared_statements()
    {
        var applied = new NpgsqlConnectionStringBuilder(PaylinkDatabase.WithPostgresDefaults("Host=127.0.0.1;Port=5432;Username=paylink;Database=paylink"));

        Assert.True(applied.NoResetOnClose);
        Assert.Equal(64, applied.MaxAutoPrepare);
        Assert.Equal("127.0.0.1", applied.Host);
        Assert.Equal("paylink", applied.Database);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;NoResetOnClose=false;MaxAutoPrepare=0")]
    [InlineData("Host=db;no reset on close=False;max auto prepare=0")]
    public void An_operator_setting_stands(string connectionString)
    {
        var applied = new NpgsqlConnectionStringBuilder(PaylinkDatabase.WithPostgresDefaults(connectionString));

        Assert.False(applied.NoResetOnClose);
        Assert.Equal(0, applied.MaxAutoPrepare);
    }
}
