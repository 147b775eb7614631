using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Paylink.Client.Tests;

/// <summary>
/// Middleware in front of the whole server that records every API request and can replace the answers
/// of chosen ones: either after the server handled them (the change is committed, then the client sees
/// a failure) or instead of handling them.
/// </summary>
public sealed class FaultInjection
{
    private readonly Lock gate = new();
    private readonly List<Fault> faults = [];

    public ConcurrentQueue<SeenRequest> Seen { get; } = new();

    /// <summary>The next <paramref name="times"/> requests matching <paramref name="match"/> get <paramref name="status"/> with an error body.</summary>
    public void Fail(Func<HttpRequest, bool> match, int times, int status = 503, string code = "service_unavailable", bool afterHandling = true)
    {
        lock (gate)
        {
            faults.Add(new Fault(match, status, code, afterHandling) { Remaining = times });
        }
    }

    public static Func<HttpRequest, bool> WithIdempotencyKey(string key) =>
        request => request.Headers["Idempotency-Key"] == key;

    public static Func<HttpRequest, bool> Post(string path) =>
        request => HttpMethods.IsPost(request.Method) && request.Path == path;

    public List<SeenRequest> SeenFor(string method, string path) =>
        Seen.Where(s => s.Method == method && s.Path == path).ToList();

    private Fault? Take(HttpRequest request)
    {
        lock (gate)
        {
            var fault = faults.FirstOrDefault(f => f.Remaining > 0 && f.Match(request));
            if (fault is not null)
            {
                fault.Remaining--;
            }

            return fault;
        }
    }

    private async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var key = request.Headers["Idempotency-Key"].ToString();
        Seen.Enqueue(new SeenRequest(request.Method, request.Path.Value ?? "", key.Length == 0 ? null : key));
        if (Take(request) is not { } fault)
        {
            await next(context);
            return;
        }

        if (fault.AfterHandling)
        {
            var original = context.Response.Body;
            await using var discarded = new MemoryStream();
            context.Response.Body = discarded;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            context.Response.Clear();
        }

        context.Response.StatusCode = fault.Status;
        await context.Response.WriteAsJsonAsync(new
        {
            error = new { type = fault.Status >= 500 ? "api_error" : "idempotency_error", code = fault.Code, message = "Injected by the test.", request_id = "req_injected" },
        });
    }

    public sealed record SeenRequest(string Method, string Path, string? IdempotencyKey);

    private sealed record Fault(Func<HttpRequest, bool> Match, int Status, string Code, bool AfterHandling)
    {
        public int Remaining { get; set; }
    }

    public sealed class StartupFilter(FaultInjection faults) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) => faults.InvokeAsync(context, nextMiddleware));
            next(app);
        };
    }
}
