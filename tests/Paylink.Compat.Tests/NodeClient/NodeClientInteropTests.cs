using System.Text.Json;
using Paylink.Server.Features.Compat;

namespace Paylink.Compat.Tests.NodeClient;

/// <summary>The published <c>@blocklet/payment-js</c>, unmodified, against the server on Kestrel (see tests/interop).</summary>
[Collection(NodeClientCollection.Name)]
public sealed class NodeClientInteropTests(NodeClientFolder folder)
{
    private static readonly TimeSpan ScriptLimit = TimeSpan.FromMinutes(3);

    private void AssertInstalled() => Assert.True(folder.InstallFailure is null, folder.InstallFailure);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_unmodified_client_runs_the_payment_link_examples(bool livemode)
    {
        AssertInstalled();
        using var app = CompatApp.OnKestrel();
        var environment = new Dictionary<string, string>
        {
            ["BLOCKLET_MOUNT_POINTS"] = $$"""[{"did":"z2qaCNvKMv5GjouKdcDWexv6WqtHbpNPQDnAk","name":"payment-kit","mountPoint":"/payment-kit","status":6,"port":{{app.Port}}}]""",
            ["BLOCKLET_APP_ASK"] = NodeSigner.SpecKey.SeedAndPublicKeyHex,
            ["BLOCKLET_MODE"] = "test",
            ["PAYMENT_LIVEMODE"] = livemode ? "true" : "false",
        };

        var run = await ProcessRun.RunAsync("node", "interop.js", folder.Path, environment, ScriptLimit);

        Assert.True(run.ExitCode == 0, $"node interop.js ({(livemode ? "live" : "test")} mode) exited {run.ExitCode}:\n{run.Transcript}");
        Assert.Contains($"interop ({(livemode ? "live" : "test")} mode):", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Canonical_messages_match_the_clients_own_for_awkward_requests()
    {
        AssertInstalled();
        var run = await ProcessRun.RunAsync("node", "sign-cases.js", folder.Path, null, ScriptLimit);
        Assert.True(run.ExitCode == 0, $"node sign-cases.js exited {run.ExitCode}:\n{run.Transcript}");

        var cases = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            var body = c.GetProperty("body").GetString() is { } json
                ? CanonicalJson.Parse(System.Text.Encoding.UTF8.GetBytes(json))
                : new Dictionary<string, object>();
            var message = RequestSignature.Message(c.GetProperty("method").GetString()!, c.GetProperty("path").GetString()!,
                c.GetProperty("query").GetString()!, body, c.GetProperty("iat").GetInt64(), c.GetProperty("exp").GetInt64());
            Assert.Equal(c.GetProperty("message").GetString(), message);
        }
    }
}
