using Microsoft.Extensions.DependencyInjection;

namespace Paylink.Client.Tests;

[Collection(ServerCollection.Name)]
public sealed class DependencyInjectionTests(PaylinkServer server)
{
    [Fact]
    public async Task AddPaylinkClient_registers_a_working_client()
    {
        var services = new ServiceCollection();
        services.AddPaylinkClient(o =>
        {
            o.BaseUrl = server.Server.BaseAddress;
            o.ApiKey = server.TestKey;
        }).ConfigurePrimaryHttpMessageHandler(() => server.Server.CreateHandler());
        await using var provider = services.BuildServiceProvider();

        var payment = provider.GetRequiredService<PaymentClient>();
        var usd = await payment.PaymentCurrencies.RetrieveAsync("usd");

        Assert.Equal("$", usd.Symbol);
    }
}
