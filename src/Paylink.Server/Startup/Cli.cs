using Microsoft.Extensions.Options;

namespace Paylink.Server.Startup;

/// <summary>Command-line verbs: <c>keys roll test|live</c>.</summary>
public static class Cli
{
    public static async Task<int> RollKeyAsync(WebApplication app, string mode)
    {
        if (mode is not ("test" or "live"))
        {
            await Console.Error.WriteLineAsync("Usage: keys roll test|live");
            return 2;
        }

        var options = app.Services.GetRequiredService<IOptions<PaylinkOptions>>().Value;
        var configured = mode == "live" ? options.SecretKeys.Live : options.SecretKeys.Test;
        if (configured is not null)
        {
            await Console.Error.WriteLineAsync($"The {mode} key comes from configuration (Paylink__SecretKeys__{(mode == "live" ? "Live" : "Test")}); change it there.");
            return 2;
        }

        await app.Services.MigratePaylinkDatabaseAsync();
        var key = await KeyBootstrap.RollAsync(app.Services, mode == "live");
        Console.WriteLine($"New {mode} key: {key}");
        Console.WriteLine("The old key is refused from now on (a running server stops accepting it within 30 seconds).");
        return 0;
    }
}
