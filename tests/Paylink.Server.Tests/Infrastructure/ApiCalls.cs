using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Paylink.Server.Tests.Infrastructure;

/// <summary>What the server answered: status, headers and the JSON body.</summary>
public sealed class ApiResponse(HttpResponseMessage message, string text)
{
    public int Status => (int)message.StatusCode;

    public string Text { get; } = text;

    public JsonElement Json { get; } = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;

    public HttpResponseMessage Message => message;

    public override string ToString() => $"{Status} {Text}";

    public string? Header(string name) =>
        message.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : message.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(",", contentValues) : null;

    public string Id => Json.GetProperty("id").GetString()!;

    public JsonElement this[string name] => Json.GetProperty(name);

    public JsonElement Error => Json.GetProperty("error");

    /// <summary>Fails with the body in the message unless the status is the one expected.</summary>
    public ApiResponse Expect(int status)
    {
        Assert.True(Status == status, $"Expected {status}, got {Status}: {Text}");
        return this;
    }

    /// <summary>
    /// Checks an error answer: status, code and param, a readable message, and the request id in the
    /// body equal to the <c>Request-Id</c> header.
    /// </summary>
    public JsonElement ExpectError(int status, string code, string? param = null, string type = "invalid_request_error")
    {
        Expect(status);
        var error = Error;
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        if (param is not null)
        {
            Assert.Equal(param, error.GetProperty("param").GetString());
        }

        var text = error.GetProperty("message").GetString()!;
        Assert.True(text.Length >= 10 && !text.Contains("Exception", StringComparison.Ordinal), $"Not a readable message: {text}");
        var requestId = error.GetProperty("request_id").GetString();
        Assert.StartsWith("req_", requestId);
        Assert.Equal(requestId, Header("Request-Id"));
        return error;
    }
}

public static class ApiCalls
{
    public static Task<ApiResponse> ApiGetAsync(this HttpClient client, string path) =>
        client.ApiSendAsync(HttpMethod.Get, path, (string?)null);

    public static Task<ApiResponse> ApiPostAsync(this HttpClient client, string path, JsonNode body, string? idempotencyKey = null) =>
        client.ApiSendAsync(HttpMethod.Post, path, body.ToJsonString(), idempotencyKey);

    public static Task<ApiResponse> ApiPostAsync(this HttpClient client, string path, string json, string? idempotencyKey = null) =>
        client.ApiSendAsync(HttpMethod.Post, path, json, idempotencyKey);

    public static Task<ApiResponse> ApiPutAsync(this HttpClient client, string path, JsonNode body) =>
        client.ApiSendAsync(HttpMethod.Put, path, body.ToJsonString());

    public static Task<ApiResponse> ApiPutAsync(this HttpClient client, string path, string? json) =>
        client.ApiSendAsync(HttpMethod.Put, path, json);

    public static Task<ApiResponse> ApiSendAsync(this HttpClient client, HttpMethod method, string path, string? json, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.ApiSendAsync(request);
    }

    public static Task<ApiResponse> ApiSendAsync(this HttpClient client, HttpMethod method, string path, byte[] body, string? contentType)
    {
        var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return client.ApiSendAsync(request);
    }

    public static async Task<ApiResponse> ApiSendAsync(this HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new ApiResponse(response, text);
        }
    }

    /// <summary>Parses JSON text into a node, for bodies written as literals and then changed.</summary>
    public static JsonObject Body(string json) => JsonNode.Parse(json)!.AsObject();
}
