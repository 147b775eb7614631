using Microsoft.Extensions.Options;
using Paylink.Server.Features.Checkout.Pages;

namespace Paylink.Server.Startup;

/// <summary>Runs before the server takes requests: migrations, list counters, secret keys, the page signing key.</summary>
public sealed class StartupTasks(IServiceProvider services, IOptions<PaylinkOptions> options, IHostApplicationLifetime lifetime) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.MigratePaylinkDatabaseAsync(cancellationToken);
        var keys = await KeyBootstrap.EnsureAsync(services, options.Value);
        await services.GetRequiredService<PageSigner>().LoadAsync(cancellationToken);
        var demoLinkId = options.Value.Demo ? await DemoSetup.EnsureAsync(services) : null;
        lifetime.ApplicationStarted.Register(() => Banner.Print(services, options.Value, keys, demoLinkId));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
