using System.Text;
using NSec.Cryptography;
using Paylink.Server.Features.Compat;

namespace Paylink.Compat.Tests;

/// <summary>Signs requests as the Node client does (spec/COMPAT.md), with a key the test holds.</summary>
public sealed class NodeSigner(byte[] seed)
{
    private readonly Key key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);

    /// <summary>The spec's key: the seed is 32 bytes of 0x11.</summary>
    public static NodeSigner SpecKey { get; } = FromSeed(0x11);

    public static NodeSigner FromSeed(byte fill) => new(Enumerable.Repeat(fill, 32).ToArray());

    public string PublicKeyHex => "0x" + Convert.ToHexStringLower(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>The form of <c>BLOCKLET_APP_ASK</c>: the seed, then the public key.</summary>
    public string SeedAndPublicKeyHex => "0x" + Convert.ToHexStringLower(seed) + PublicKeyHex[2..];

    public byte[] Sign(byte[] hash) => SignatureAlgorithm.Ed25519.Sign(key, hash);

    /// <param name="target">Path and query as they go on the request line.</param>
    /// <param name="json">The body; null sends none (and signs <c>{}</c>).</param>
    /// <param name="signedTarget">What the signature covers, when the client signed other text than it sent.</param>
    public HttpRequestMessage Request(HttpMethod method, string target, string? json = null, long? iat = null, long? exp = null, string? signedTarget = null)
    {
        var issued = iat ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var expires = exp ?? issued + 300;
        var signed = signedTarget ?? target;
        var question = signed.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? signed : signed[..question];
        var query = question < 0 ? "" : signed[(question + 1)..];
        object body = json is null ? new Dictionary<string, object>() : CanonicalJson.Parse(Encoding.UTF8.GetBytes(json));
        var signature = Sign(RequestSignature.Hash(RequestSignature.Message(method.Method, path, query, body, issued, expires)));

        var request = new HttpRequestMessage(method, target);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        request.Headers.Add("x-component-sig", "0x" + Convert.ToHexStringLower(signature));
        request.Headers.Add("x-component-sig-iat", issued.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("x-component-sig-exp", expires.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("x-component-sig-version", "1");
        return request;
    }
}
