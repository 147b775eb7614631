using System.Text.Json;

namespace Paylink.Client;

/// <summary>Turns an error answer (the <c>{"error": {…}}</c> envelope, or whatever a proxy sent) into a <see cref="PaylinkException"/>.</summary>
internal static class ErrorReader
{
    public static PaylinkException Read(HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        ApiError? error = null;
        try
        {
            error = JsonSerializer.Deserialize<ApiErrorResponse>(text, PaylinkJson.Options)?.Error;
        }
        catch (JsonException)
        {
        }

        if (error is null || string.IsNullOrEmpty(error.Type))
        {
            error = new ApiError
            {
                Type = status >= 500 ? "api_error" : "invalid_request_error",
                Message = $"Paylink answered {status} {response.ReasonPhrase} without an error body.",
            };
        }

        if (string.IsNullOrEmpty(error.RequestId))
        {
            error.RequestId = RequestId(response) ?? "";
        }

        return new PaylinkException(status, error);
    }

    public static PaylinkException Connection(string code, string message, Exception cause) =>
        new(0, new ApiError { Type = "api_connection_error", Code = code, Message = message }, cause);

    public static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Request-Id", out var values) ? values.FirstOrDefault() : null;
}
