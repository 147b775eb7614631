using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Paylink.Server.Infrastructure;
using Paylink.Server.Infrastructure.Auth;

namespace Paylink.Server.Features.Compat;

/// <summary>
/// Accepts requests signed the way the published Node client (<c>@blocklet/payment-js</c>) signs them, by
/// a key in <c>Paylink:TrustedCallers</c>. The mode comes from the <c>livemode</c> query parameter (test
/// when absent). A request that carries a signature header but fails any check is a 401. A signature
/// lives at most <see cref="MaxLifetime"/> from its <c>iat</c>, so a copied request is useless soon after;
/// within that time a write signed alike is answered once (<see cref="Caller.SignedMessage"/>, <see cref="Idempotency"/>).
/// </summary>
public sealed class SignatureAuthenticator(IOptions<TrustedCallerOptions> trusted, TimeProvider time) : ICallerAuthenticator
{
    public const string SignatureHeader = "x-component-sig";
    public const string IssuedAtHeader = "x-component-sig-iat";
    public const string ExpiresHeader = "x-component-sig-exp";
    public const string VersionHeader = "x-component-sig-version";

    /// <summary>How far a caller's clock may run ahead of the server's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The longest a signature may be valid (<c>exp - iat</c>), and the oldest its <c>iat</c> may be; the Node client signs for exactly this long.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);

    public async Task<bool> TryAuthenticateAsync(HttpContext context, Caller caller, bool? livemode)
    {
        var request = context.Request;
        if (!request.Headers.TryGetValue(SignatureHeader, out var signatureHeader))
        {
            return false;
        }

        var signature = ParseHex(signatureHeader.ToString(), 64)
            ?? throw ApiException.Unauthorized($"{SignatureHeader} must be 0x followed by 128 hex digits (an Ed25519 signature).");
        var version = request.Headers[VersionHeader].ToString();
        if (version.Length > 0 && version != "1")
        {
            throw ApiException.Unauthorized($"Request signature version '{version}' is not supported; only version 1 is.");
        }

        var iat = ReadSeconds(request, IssuedAtHeader);
        var exp = ReadSeconds(request, ExpiresHeader);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (exp < now)
        {
            throw ApiException.Unauthorized($"The request signature expired ({ExpiresHeader} {exp} is before the server's time {now}).");
        }

        if (iat > now + (long)ClockSkew.TotalSeconds)
        {
            throw ApiException.Unauthorized($"The request signature was issued in the future ({IssuedAtHeader} {iat}, server time {now}): check the caller's clock.");
        }

        var maxSeconds = (long)MaxLifetime.TotalSeconds;
        if (iat < now - maxSeconds)
        {
            throw ApiException.Unauthorized($"The request signature is too old: {IssuedAtHeader} {iat} is more than {maxSeconds} s before the server's time {now}.");
        }

        if (exp - iat > maxSeconds)
        {
            throw ApiException.Unauthorized($"The request signature is valid for too long: {ExpiresHeader} - {IssuedAtHeader} is {exp - iat} s, at most {maxSeconds} s is accepted.");
        }

        var callers = trusted.Value.Callers;
        if (callers.Count == 0)
        {
            throw ApiException.Unauthorized("This server trusts no signing keys: set Paylink__TrustedCallers to the caller's public key, or send a secret key.");
        }

        var body = await ReadBodyAsync(request);
        var (path, query) = SplitTarget(context);
        var hash = RequestSignature.Hash(RequestSignature.Message(request.Method, path, query, body, iat, exp));
        var signer = RequestSignature.FindSigner(callers, hash, signature);
        if (signer is null && path.Contains('%', StringComparison.Ordinal))
        {
            // The client signs the path as its code wrote it, then Node's URL parser percent-encodes what a
            // path may not hold (spaces, quotes, non-ASCII) on the wire.
            var written = Uri.UnescapeDataString(path);
            hash = RequestSignature.Hash(RequestSignature.Message(request.Method, written, query, body, iat, exp));
            signer = RequestSignature.FindSigner(callers, hash, signature);
        }

        if (signer is null)
        {
            throw ApiException.Unauthorized("The request signature does not match this request, or was not made by a key in Paylink__TrustedCallers.");
        }

        caller.Livemode = livemode ?? false;
        caller.Scope = "sig:" + signer.Hex;
        caller.SignedMessage = Convert.ToHexStringLower(hash);
        return true;
    }

    private static long ReadSeconds(HttpRequest request, string header)
    {
        var text = request.Headers[header].ToString();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw ApiException.Unauthorized($"A signed request needs {header} as whole Unix seconds (got '{text}').");
    }

    private static byte[]? ParseHex(string text, int bytes)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return hex.Length == bytes * 2 && hex.All(Uri.IsHexDigit) ? Convert.FromHexString(hex) : null;
    }

    /// <summary>The path and query as the request line wrote them: the signature covers them before any decoding.</summary>
    private static (string Path, string Query) SplitTarget(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target))
        {
            target = context.Request.PathBase.ToUriComponent() + context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
        }
        else if (!target.StartsWith('/') && target.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0)
        {
            // Absolute form (GET http://host/path HTTP/1.1), as some proxies send it.
            var slash = target.IndexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target[slash..];
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            target = target[..hash];
        }

        var question = target.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (target, "") : (target[..question], target[(question + 1)..]);
    }

    /// <summary>Reads the body for the signature and rewinds it for the endpoint; no body signs as <c>{}</c>.</summary>
    private static async Task<object> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > RequestBody.MaxBytes)
        {
            throw TooLarge();
        }

        request.EnableBuffering();
        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            if (copy.Length + read > RequestBody.MaxBytes)
            {
                throw TooLarge();
            }

            copy.Write(buffer, 0, read);
        }

        request.Body.Position = 0;
        if (copy.Length == 0)
        {
            return new Dictionary<string, object>(StringComparer.Ordinal);
        }

        try
        {
            return CanonicalJson.Parse(copy.GetBuffer().AsSpan(0, (int)copy.Length));
        }
        catch (JsonException)
        {
            throw ApiException.Invalid(null, "The request body is not valid JSON, so its signature cannot be checked.", "body_malformed");
        }
    }

    private static ApiException TooLarge() =>
        new(413, "invalid_request_error", "request_too_large", "The request body is larger than 256 KiB.");
}
