using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// The page's stylesheet and script, built into the server so it runs the same from any folder.
/// Served with an ETag and a day's caching; the CSP allows only these (no inline script or style).
/// </summary>
public static class CheckoutAssets
{
    private sealed record Asset(byte[] Content, string ContentType, string ETag);

    private static readonly FrozenDictionary<string, Asset> Files = Load();

    public static IResult Serve(string name, HttpContext http)
    {
        if (!Files.TryGetValue(name, out var asset))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=86400";
        http.Response.Headers.ETag = asset.ETag;
        if (http.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(CheckoutAssets).Assembly;
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var (name, type) in new[] { ("pay.css", "text/css; charset=utf-8"), ("pay.js", "text/javascript; charset=utf-8") })
        {
            using var stream = assembly.GetManifestResourceStream($"Paylink.Checkout.{name}")
                ?? throw new InvalidOperationException($"The checkout asset {name} is not built into the server.");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var content = memory.ToArray();
            files[name] = new Asset(content, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
