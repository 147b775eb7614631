using System.Text;
using NSec.Cryptography;
using Paylink.Server.Features.Compat;

namespace Paylink.Compat.Tests;

/// <summary>The test vector of spec/COMPAT.md, and that every signed part of a request counts.</summary>
public sealed class SignatureVectorTests
{
    private const string PublicKeyHex = "D04AB232742BB4AB3A1368BD4615E4E6D0224AB71A016BAF8520A332C9778737";
    private const string Body = """{"name":"Monthly Subscription Box","currency_id":"usd","line_items":[{"price_id":"price_12345","quantity":1}],"after_completion":{"type":"redirect","redirect":{"url":"https://example.com/thanks"}},"metadata":{"order_id":"6735"}}""";
    private const long Iat = 1795630850;
    private const long Exp = 1795631150;
    private const string Message = """{"body":{"after_completion":{"redirect":{"url":"https://example.com/thanks"},"type":"redirect"},"currency_id":"usd","line_items":[{"price_id":"price_12345","quantity":1}],"metadata":{"order_id":"6735"},"name":"Monthly Subscription Box"},"exp":1795631150,"iat":1795630850,"method":"post","query":{"livemode":"true"},"url":"/api/payment-links"}""";
    private const string Sha3Hex = "3a0f190be63d4b7989f2472b11d672078e3c3aeb63887de4cdd41aabc3734351";
    private const string SignatureHex = "d795d6f6535027799b7e450a51bdc0c85fc975852566125955850aed842656214105ac8b8c65a82aad86a3059c3b937758183fac887b6765c866365992c5430e";

    private static readonly PublicKey SpecPublicKey =
        PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(PublicKeyHex), KeyBlobFormat.RawPublicKey);

    private static string Build(string method = "POST", string path = "/api/payment-links", string query = "livemode=true",
        string body = Body, long iat = Iat, long exp = Exp) =>
        RequestSignature.Message(method, path, query, CanonicalJson.Parse(Encoding.UTF8.GetBytes(body)), iat, exp);

    [Fact]
    public void The_canonical_message_is_the_specs()
    {
        Assert.Equal(Message, Build());
    }

    [Fact]
    public void The_message_hashes_to_the_specs_SHA3_256()
    {
        Assert.True(System.Security.Cryptography.SHA3_256.IsSupported, "SHA3-256 is missing from this system's cryptography library.");
        Assert.Equal(Sha3Hex, Convert.ToHexStringLower(RequestSignature.Hash(Build())));
    }

    [Fact]
    public void The_specs_signature_verifies_against_its_public_key()
    {
        var caller = new TrustedCaller(PublicKeyHex.ToLowerInvariant(), SpecPublicKey);
        Assert.Same(caller, RequestSignature.FindSigner([caller], RequestSignature.Hash(Build()), Convert.FromHexString(SignatureHex)));
    }

    [Fact]
    public void The_seed_of_0x11_is_the_specs_key_and_signs_as_the_spec_shows()
    {
        Assert.Equal("0x" + PublicKeyHex.ToLowerInvariant(), NodeSigner.SpecKey.PublicKeyHex);
        Assert.Equal(SignatureHex, Convert.ToHexStringLower(NodeSigner.SpecKey.Sign(RequestSignature.Hash(Build()))));
    }

    [Theory]
    [InlineData("body")]
    [InlineData("query")]
    [InlineData("method")]
    [InlineData("path")]
    [InlineData("iat")]
    [InlineData("exp")]
    public void A_one_byte_change_to_any_signed_part_breaks_the_signature(string part)
    {
        var changed = part switch
        {
            "body" => Build(body: Body.Replace("6735", "6736", StringComparison.Ordinal)),
            "query" => Build(query: "livemode=truf"),
            "method" => Build(method: "PAST"),
            "path" => Build(path: "/api/payment-linkz"),
            "iat" => Build(iat: Iat + 1),
            "exp" => Build(exp: Exp + 1),
            _ => throw new ArgumentOutOfRangeException(nameof(part)),
        };

        Assert.Equal(Message.Length, changed.Length);
        Assert.Equal(1, Message.Zip(changed).Count(p => p.First != p.Second));
        var caller = new TrustedCaller(PublicKeyHex.ToLowerInvariant(), SpecPublicKey);
        Assert.Null(RequestSignature.FindSigner([caller], RequestSignature.Hash(changed), Convert.FromHexString(SignatureHex)));
    }
}
