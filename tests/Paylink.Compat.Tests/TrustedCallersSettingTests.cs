using System.Net;

namespace Paylink.Compat.Tests;

/// <summary><c>Paylink__TrustedCallers</c> as one string or as an array, and a wrong entry stopping the start.</summary>
public sealed class TrustedCallersSettingTests
{
    private static readonly NodeSigner Other = NodeSigner.FromSeed(0x33);

    private static async Task<HttpStatusCode> StatusForAsync(CompatApp app, NodeSigner signer)
    {
        using var http = app.CreateClient();
        using var response = await http.SendAsync(signer.Request(HttpMethod.Get, "/api/products?livemode=false"));
        return response.StatusCode;
    }

    [Fact]
    public async Task One_string_may_list_several_keys()
    {
        using var app = new CompatApp(new Dictionary<string, string?>
        {
            ["Paylink:TrustedCallers"] = $" {NodeSigner.SpecKey.PublicKeyHex.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)},\n{Other.PublicKeyHex[2..]} ",
        });
        Assert.Equal(HttpStatusCode.OK, await StatusForAsync(app, NodeSigner.SpecKey));
        Assert.Equal(HttpStatusCode.OK, await StatusForAsync(app, Other));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusForAsync(app, NodeSigner.FromSeed(0x44)));
    }

    [Fact]
    public async Task An_indexed_array_lists_keys_too()
    {
        using var app = new CompatApp(new Dictionary<string, string?>
        {
            ["Paylink:TrustedCallers:0"] = NodeSigner.SpecKey.PublicKeyHex,
            ["Paylink:TrustedCallers:1"] = Other.PublicKeyHex,
        });
        Assert.Equal(HttpStatusCode.OK, await StatusForAsync(app, NodeSigner.SpecKey));
        Assert.Equal(HttpStatusCode.OK, await StatusForAsync(app, Other));
    }

    [Fact]
    public async Task With_no_trusted_keys_a_signed_request_is_refused()
    {
        using var app = new CompatApp(new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusForAsync(app, NodeSigner.SpecKey));
    }

    [Fact]
    public void A_malformed_key_stops_the_server_from_starting()
    {
        using var app = new CompatApp(new Dictionary<string, string?> { ["Paylink:TrustedCallers"] = "0x1234" });
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("0x1234", error.ToString(), StringComparison.Ordinal);
    }
}
