using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Paylink.Server.Features.Compat;

/// <summary>
/// The Node client's request signature: Ed25519 over the SHA3-256 of the canonical JSON of
/// <c>{body, exp, iat, method, query, url}</c> (see spec/COMPAT.md).
/// </summary>
public static class RequestSignature
{
    /// <param name="body">The JSON body as a <see cref="CanonicalJson"/> tree (an empty object when there is none).</param>
    /// <param name="path">The path as the request line wrote it, without the query string.</param>
    /// <param name="query">The raw query string, without the <c>?</c>.</param>
    public static string Message(string method, string path, string query, object body, long iat, long exp) =>
        CanonicalJson.Write(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["body"] = body,
            ["exp"] = new CanonicalJson.Literal(exp.ToString(CultureInfo.InvariantCulture)),
            ["iat"] = new CanonicalJson.Literal(iat.ToString(CultureInfo.InvariantCulture)),
            ["method"] = method.ToLowerInvariant(),
            ["query"] = NodeQueryString.Parse(query),
            ["url"] = path,
        });

    public static byte[] Hash(string message) => SHA3_256.HashData(Encoding.UTF8.GetBytes(message));

    /// <summary>The trusted caller whose key made <paramref name="signature"/> over <paramref name="hash"/>, if any.</summary>
    public static TrustedCaller? FindSigner(IEnumerable<TrustedCaller> callers, byte[] hash, byte[] signature) =>
        callers.FirstOrDefault(c => SignatureAlgorithm.Ed25519.Verify(c.Key, hash, signature));
}
