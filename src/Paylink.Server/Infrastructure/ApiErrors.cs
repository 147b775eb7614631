using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Paylink.Client;

namespace Paylink.Server.Infrastructure;

/// <summary>The one place that writes the <c>{"error": {…}}</c> envelope.</summary>
public static class ApiErrors
{
    public static Task WriteAsync(HttpContext context, int status, string type, string code, string message,
        string? param = null, IReadOnlyList<ApiFieldError>? errors = null)
    {
        var requestId = RequestIds.Get(context);
        // The exception handler clears headers before it writes, so the id is set again here.
        context.Response.Headers["Request-Id"] = requestId;
        var body = new ApiErrorResponse
        {
            Error = new ApiError
            {
                Type = type,
                Code = code,
                Message = message,
                Param = param,
                Errors = errors?.ToList(),
                RequestId = requestId,
            },
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, ServerJson.Options, context.RequestAborted);
    }

    public static Task WriteAsync(HttpContext context, ApiException e) =>
        WriteAsync(context, e.Status, e.Type, e.Code, e.Message, e.Param, e.Errors);

    /// <summary>Unknown API routes and wrong methods answer in the error envelope too, naming what was asked for.</summary>
    public static IApplicationBuilder UseApiStatusCodes(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (!http.Request.Path.StartsWithSegments("/api") || http.Response.HasStarted)
            {
                return;
            }

            var route = $"{http.Request.Method} {http.Request.Path}";
            switch (http.Response.StatusCode)
            {
                case 404:
                    await WriteAsync(http, 404, "invalid_request_error", "route_unknown",
                        $"Unrecognized or unsupported request URL ({route}).");
                    break;
                case 405:
                    await WriteAsync(http, 405, "invalid_request_error", "method_not_allowed",
                        $"The method is not allowed for this URL ({route}).");
                    break;
                case 413:
                    await WriteAsync(http, 413, "invalid_request_error", "request_too_large",
                        "The request body is larger than 256 KiB.");
                    break;
                case 415:
                    // Routing refuses a body an endpoint does not accept before any handler runs.
                    await WriteAsync(http, 415, "invalid_request_error", "unsupported_media_type",
                        $"Send the body as application/json (got '{http.Request.ContentType ?? "no content type"}').");
                    break;
            }
        });
}

/// <summary>Turns exceptions into the error envelope; nothing internal reaches the caller.</summary>
public sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case ApiException api:
                await ApiErrors.WriteAsync(httpContext, api);
                return true;
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                await ApiErrors.WriteAsync(httpContext, 413, "invalid_request_error", "request_too_large",
                    "The request body is larger than 256 KiB.");
                return true;
            case BadHttpRequestException bad:
                await ApiErrors.WriteAsync(httpContext, bad.StatusCode, "invalid_request_error", "request_malformed",
                    "The request could not be read.");
                return true;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                return true;
            default:
                logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                await ApiErrors.WriteAsync(httpContext, 500, "api_error", "internal_error",
                    "Something went wrong on our side. Nothing was changed; the request can be retried.");
                return true;
        }
    }
}
