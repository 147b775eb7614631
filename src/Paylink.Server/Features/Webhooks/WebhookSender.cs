using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StandardWebhooks;

namespace Paylink.Server.Features.Webhooks;

/// <summary>The outcome of one attempt: an answer (status and the start of its body), or why none came.</summary>
public sealed record AttemptResult(bool Succeeded, int? StatusCode, string? ResponseExcerpt, string? Error, long DurationMs);

/// <summary>
/// Posts one signed delivery. Signing is the Standard Webhooks scheme via the <c>StandardWebhooks</c>
/// package: <c>webhook-id</c> is the event id (the same on every retry, so receivers can drop
/// duplicates), <c>webhook-timestamp</c> the time of this attempt. Redirects are not followed, and the
/// connection checks every address the host resolves to (<see cref="WebhookTargets"/>).
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const int MaxExcerptBytes = 1024;
    private readonly WebhookTargets _targets;

    // Two connection pools, each holding one kind of connection: _public connects only to public
    // addresses, so a reply it brings may be shown in the attempts list; _private (used only with
    // AllowPrivateTargets) reaches this host and its network, and what those reply is never kept, so an
    // API key cannot read a local service through webhooks.
    private readonly HttpClient _public;
    private readonly HttpClient _private;

    public WebhookSender(WebhookTargets targets)
    {
        _targets = targets;
        _public = CreateClient(publicOnly: true);
        _private = CreateClient(publicOnly: false);
    }

    public async Task<AttemptResult> SendAsync(string url, string secret, string eventId, string body, DateTimeOffset timestamp,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        try
        {
            HttpResponseMessage response;
            var keepReply = true;
            using var request = Request(url, secret, eventId, body, timestamp);
            try
            {
                response = await _public.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            }
            catch (HttpRequestException e) when (e.InnerException is WebhookTargetRefusedException { Reach: TargetReach.Private } && _targets.AllowPrivate)
            {
                // Refused before the connection opened: nothing was sent yet.
                using var again = Request(url, secret, eventId, body, timestamp);
                response = await _private.SendAsync(again, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
                keepReply = false;
            }

            using (response)
            {
                var excerpt = keepReply ? await ReadExcerptAsync(response, attempt.Token) : null;
                var status = (int)response.StatusCode;
                return new AttemptResult(status is >= 200 and < 300, status, excerpt, null, clock.ElapsedMilliseconds);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult(false, null, null, $"No answer within {timeout.TotalSeconds:0.###} s.", clock.ElapsedMilliseconds);
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(false, null, null, Describe(e), clock.ElapsedMilliseconds);
        }
    }

    public void Dispose()
    {
        _public.Dispose();
        _private.Dispose();
    }

    private static HttpRequestMessage Request(string url, string secret, string eventId, string body, DateTimeOffset timestamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", eventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(secret).Sign(eventId, timestamp, body));
        return request;
    }

    private HttpClient CreateClient(bool publicOnly)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context, publicOnly, cancellationToken),
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Paylink-Webhooks/1.0");
        return client;
    }

    private static async Task<string?> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxExcerptBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        if (read == 0)
        {
            return null;
        }

        // Cut at a character boundary: never end in half a UTF-8 sequence.
        var end = read;
        if (read == buffer.Length)
        {
            while (end > 0 && (buffer[end - 1] & 0xC0) == 0x80)
            {
                end--;
            }

            if (end > 0 && buffer[end - 1] >= 0xC0)
            {
                end--;
            }
        }

        return Encoding.UTF8.GetString(buffer, 0, end);
    }

    private static string Describe(HttpRequestException e) =>
        e.InnerException is SocketException s ? $"Connection failed: {s.SocketErrorCode}."
        : e.InnerException is WebhookTargetRefusedException refused ? refused.Message
        : $"Request failed: {e.HttpRequestError}.";

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool publicOnly, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var (reach, address) = WebhookTargets.Classify(host, addresses);
        var shown = address is null ? "this host" : $"{address}, {WebhookTargets.Describe(address)}";
        if (reach == TargetReach.Never)
        {
            throw new WebhookTargetRefusedException($"Refused: {host} resolves to {shown}, which webhooks may not target.", reach);
        }

        if (reach == TargetReach.Private && (publicOnly || !_targets.AllowPrivate))
        {
            throw new WebhookTargetRefusedException(
                $"Refused: {host} resolves to {shown}, which webhooks may target only when the server sets {WebhookTargets.Setting}=true.", reach);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>The URL's host resolved to an address webhooks may not target (or, for a <c>Private</c> reach, not through this connection pool).</summary>
public sealed class WebhookTargetRefusedException(string message, TargetReach reach) : Exception(message)
{
    public TargetReach Reach { get; } = reach;
}
