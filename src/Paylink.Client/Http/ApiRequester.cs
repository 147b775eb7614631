using System.Net.Http.Headers;
using System.Text.Json;

namespace Paylink.Client;

/// <summary>
/// Sends one API call: builds each attempt, adds the key and (on POST) one <c>Idempotency-Key</c> shared
/// by every attempt, retries what <see cref="RetryPolicy"/> allows, and turns failures into <see cref="PaylinkException"/>.
/// </summary>
internal sealed class ApiRequester
{
    private static readonly ProductInfoHeaderValue UserAgent =
        new("Paylink.Client", typeof(ApiRequester).Assembly.GetName().Version?.ToString(3) ?? "0");

    private readonly HttpClient http;
    private readonly PaymentClientOptions options;
    private readonly Uri baseUrl;
    private readonly RetryPolicy retries;

    public ApiRequester(HttpClient http, PaymentClientOptions options)
    {
        this.http = http;
        this.options = options;
        var root = options.BaseUrl ?? http.BaseAddress
            ?? throw new ArgumentException("Set PaymentClientOptions.BaseUrl (or give an HttpClient with a BaseAddress).", nameof(options));
        // A trailing slash keeps a path prefix (https://example.com/paylink/) when relative paths are joined.
        baseUrl = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        retries = new RetryPolicy(options);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, IEnumerable<KeyValuePair<string, string>>? query,
        RequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var url = new Uri(baseUrl, path + QueryString.Build(query));
        var json = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), PaylinkJson.Options);
        var apiKey = requestOptions?.ApiKey ?? options.ApiKey;
        var idempotencyKey = method == HttpMethod.Post ? requestOptions?.IdempotencyKey ?? "pl-sdk-" + Guid.NewGuid().ToString("N") : null;

        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.UserAgent.Add(UserAgent);
            if (!string.IsNullOrEmpty(apiKey))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            }

            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            if (json is not null)
            {
                request.Content = new ByteArrayContent(json);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            var (response, failure) = await TrySendAsync(request, cancellationToken);
            if (failure is not null)
            {
                if (attempt < options.MaxRetries)
                {
                    await Task.Delay(retries.Delay(attempt, null), cancellationToken);
                    continue;
                }

                throw failure;
            }

            using (response)
            {
                var text = await response!.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return Read<T>(text, response);
                }

                var error = ErrorReader.Read(response, text);
                if (attempt < options.MaxRetries && RetryPolicy.ShouldRetry(error))
                {
                    await Task.Delay(retries.Delay(attempt, response.Headers.RetryAfter), cancellationToken);
                    continue;
                }

                throw error;
            }
        }
    }

    /// <summary>One attempt; a connection failure or a timeout comes back as an exception to throw or retry.</summary>
    private async Task<(HttpResponseMessage? Response, PaylinkException? Failure)> TrySendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            return (response, null);
        }
        catch (HttpRequestException e)
        {
            return (null, ErrorReader.Connection("connection_failed", $"Could not reach Paylink at {request.RequestUri}: {e.Message}", e));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Either our per-attempt timeout or HttpClient.Timeout: the caller did not cancel.
            return (null, ErrorReader.Connection("timeout", $"Paylink did not answer {request.Method} {request.RequestUri} in time.", e));
        }
    }

    private static T Read<T>(string text, HttpResponseMessage response)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, PaylinkJson.Options)
                ?? throw new JsonException("The answer was null.");
        }
        catch (JsonException e)
        {
            throw new PaylinkException((int)response.StatusCode, new ApiError
            {
                Type = "api_error",
                Code = "invalid_response",
                Message = $"The answer could not be read as {typeof(T).Name}: {e.Message}",
                RequestId = ErrorReader.RequestId(response) ?? "",
            }, e);
        }
    }
}
