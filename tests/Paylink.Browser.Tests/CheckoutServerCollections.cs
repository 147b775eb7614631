namespace Paylink.Browser.Tests;

[CollectionDefinition(Name)]
public sealed class CheckoutServerCollection : ICollectionFixture<CheckoutServer>
{
    public const string Name = "checkout server";
}

/// <summary>The same server on PostgreSQL.</summary>
public sealed class PostgresCheckoutServer : CheckoutServer
{
    public override async Task InitializeAsync()
    {
        PostgresConnection = await PostgresCluster.CreateDatabaseAsync();
        await base.InitializeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCheckoutServerCollection : ICollectionFixture<PostgresCheckoutServer>
{
    public const string Name = "checkout server on postgres";
}
