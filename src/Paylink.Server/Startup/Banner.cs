using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Paylink.Server.Startup;

/// <summary>What a newcomer sees on start: where the API and its docs are, and the key to use.</summary>
public static class Banner
{
    public static void Print(IServiceProvider services, PaylinkOptions options, KeyBootstrap.KeyReport keys, string? demoLinkId)
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var listen = addresses?.FirstOrDefault()?.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal) ?? "http://127.0.0.1:5080";
        var baseUrl = (options.PublicBaseUrl ?? listen).TrimEnd('/');
        var lines = new List<string>
        {
            "",
            "  Paylink is running.",
            $"  API:       {baseUrl}/api",
            $"  Docs:      {baseUrl}/docs",
            $"  Test key:  {keys.TestKey}",
        };
        if (keys.NewLiveKey is not null)
        {
            lines.Add($"  Live key:  {keys.NewLiveKey}   (shown this once: store it now; roll it with `keys roll live`)");
        }

        if (demoLinkId is not null)
        {
            lines.Add($"  Demo link: {baseUrl}/checkout/pay/{demoLinkId}   (test mode: pay with 4242 4242 4242 4242, any future expiry, any CVC)");
        }

        lines.Add("");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
        Console.Out.Flush();
    }
}
