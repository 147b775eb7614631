using System.Buffers;
using System.Text.Json;

namespace Paylink.Server.Infrastructure;

/// <summary>Reads a JSON request body: the content type, the 256 KiB cap and malformed JSON all answer in the error envelope.</summary>
public static class RequestBody
{
    public const int MaxBytes = 256 * 1024;

    private const int MaxDepth = 32;
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>The body as a JSON object; <paramref name="allowEmpty"/> lets an empty body count as <c>{}</c>.</summary>
    public static async Task<JsonElement> ReadObjectAsync(HttpRequest request, bool allowEmpty = false)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        var bytes = await ReadAllAsync(request);
        if (bytes.Length == 0)
        {
            if (allowEmpty)
            {
                return EmptyObject;
            }

            throw ApiException.Invalid(null, "The request body is empty; send a JSON object.", "body_missing");
        }

        if (!IsJson(request.ContentType))
        {
            throw new ApiException(415, "invalid_request_error", "unsupported_media_type",
                $"Send the body as application/json (got '{request.ContentType ?? "no content type"}').");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : "";
            throw ApiException.Invalid(null, $"The request body is not valid JSON{where}.", "body_malformed");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw ApiException.Invalid(null, "The request body must be a JSON object.", "body_malformed");
            }

            RequestText.CheckBody(bytes, document.RootElement, ReaderOptions);

            return document.RootElement.Clone();
        }
    }

    /// <summary>A body that must carry nothing (archive): any bytes are refused, whatever the content type says.</summary>
    public static async Task EnsureEmptyOrEmptyObjectAsync(HttpRequest request)
    {
        var body = await ReadObjectAsync(request, allowEmpty: true);
        foreach (var property in body.EnumerateObject())
        {
            throw ApiException.Invalid(property.Name, $"Unknown parameter '{property.Name}': this call takes no body.", "parameter_unknown");
        }
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<byte[]> ReadAllAsync(HttpRequest request)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > MaxBytes)
                    {
                        throw TooLarge();
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, total).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(total), request.HttpContext.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > MaxBytes)
                {
                    throw TooLarge();
                }
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ApiException TooLarge() =>
        new(413, "invalid_request_error", "request_too_large", "The request body is larger than 256 KiB.");
}
