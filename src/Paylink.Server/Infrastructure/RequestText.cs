using System.Text.Json;
using System.Text.Unicode;
using Paylink.Client;

namespace Paylink.Server.Infrastructure;

/// <summary>
/// Every string a request carries must be text both databases store as sent: well-formed UTF-16 (no lone
/// surrogate, which .NET cannot read out of JSON and no UTF-8 column can hold), from well-formed UTF-8, and
/// without the NUL character, which PostgreSQL refuses in text. Checked once where the body is parsed and
/// once per request for the query string, so no field and no query parameter can forget it.
/// </summary>
public static class RequestText
{
    /// <summary>Throws a 400 naming the first string of the body that is not such text.</summary>
    public static void CheckBody(ReadOnlySpan<byte> utf8, JsonElement root, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(utf8, options);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !IsText(ref reader))
            {
                throw Refusal(Find(root, ""));
            }
        }
    }

    /// <summary>
    /// Refuses a NUL in a query parameter before anything is looked up. (A NUL in the path never gets
    /// here: ASP.NET Core's URL decoder refuses the request line.)
    /// </summary>
    public static IApplicationBuilder UseRequestTextCheck(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (request.QueryString.HasValue && request.Path.StartsWithSegments("/api"))
            {
                foreach (var (name, values) in request.Query)
                {
                    if (name.Contains('\0', StringComparison.Ordinal) || values.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
                    {
                        throw Refusal((name, $"{name} must not contain the NUL character (%00)."));
                    }
                }
            }

            return next(context);
        });

    private static bool IsText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            // The parser already refused raw control characters, NUL among them.
            return Utf8.IsValid(reader.ValueSpan);
        }

        try
        {
            return !reader.GetString()!.Contains('\0', StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The path and problem of the first string that is not text, in document order.</summary>
    private static (string? Param, string Message)? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = Read(() => property.Name);
                    if (name is null || name.Contains('\0', StringComparison.Ordinal))
                    {
                        var problem = name is null ? NotText : HasNul;
                        return path.Length == 0
                            ? (null, $"A parameter name in the body {problem}.")
                            : (path, $"{path} has a key that {problem}.");
                    }

                    if (Find(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{path}[{i++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.String:
                var text = Read(element.GetString);
                return text is null ? (path, $"{path} {NotText}.")
                    : text.Contains('\0', StringComparison.Ordinal) ? (path, $"{path} {HasNul}.")
                    : null;
            default:
                return null;
        }
    }

    private const string NotText = "is not valid text: it holds a lone surrogate (\\ud800-\\udfff without its pair) or bytes that are not UTF-8";
    private const string HasNul = "contains the NUL character (\\u0000), which Paylink does not store";

    private static string? Read(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static ApiException Refusal((string? Param, string Message)? found)
    {
        var (param, message) = found ?? (null, $"A string in the body {NotText}.");
        return new ApiException(400, "invalid_request_error", "parameter_invalid", message, param,
            param is null ? null : [new ApiFieldError { Param = param, Message = message }]);
    }
}
