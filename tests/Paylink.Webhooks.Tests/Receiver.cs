using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Paylink.Webhooks.Tests;

/// <summary>One webhook request as the receiver got it: the path it was sent to, its headers and exact body.</summary>
public sealed record Delivery(string Path, HeaderDictionary Headers, string Body)
{
    public string WebhookId => Headers["webhook-id"].ToString();

    public string Type => JsonNode.Parse(Body)!["type"]!.GetValue<string>();

    public JsonObject DataObject => JsonNode.Parse(Body)!["data"]!["object"]!.AsObject();
}

/// <summary>
/// A merchant's webhook receiver: a tiny Kestrel app on 127.0.0.1 (a free port) that keeps every
/// request and answers what the test's <see cref="Answer"/> says (200 unless told otherwise).
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Receiver(WebApplication app) => _app = app;

    public ConcurrentQueue<Delivery> Received { get; } = new();

    /// <summary>Decides the answer to a delivery (the status code); it may wait, for a slow receiver. 200 by default.</summary>
    public Func<Delivery, CancellationToken, Task<int>> Answer { get; set; } = (_, _) => Task.FromResult(200);

    /// <summary>Answers for one path, before <see cref="Answer"/>.</summary>
    public ConcurrentDictionary<string, Func<Delivery, int>> AnswersAt { get; } = new();

    public Uri BaseAddress { get; private set; } = default!;

    public string UrlFor(string path) => new Uri(BaseAddress, path).ToString();

    public IReadOnlyList<Delivery> At(string path) => Received.Where(d => d.Path == path).ToList();

    public static async Task<Receiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var headers = new HeaderDictionary(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
            var delivery = new Delivery(http.Request.Path.Value!, headers, body);
            receiver.Received.Enqueue(delivery);
            http.Response.StatusCode = receiver.AnswersAt.TryGetValue(delivery.Path, out var answer)
                ? answer(delivery)
                : await receiver.Answer(delivery, http.RequestAborted);
            await http.Response.WriteAsync($"received {delivery.WebhookId}", http.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseAddress = new Uri(address);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
