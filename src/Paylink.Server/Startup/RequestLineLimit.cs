using Microsoft.AspNetCore.Http.Features;
using Paylink.Server.Features.Checkout.Pages;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Startup;

/// <summary>
/// A request line over 8 KiB is a 414 in Paylink's own words: the error envelope, or on the hosted pages a
/// page in the customer's language. Kestrel answers a line over its own limit with a bodiless 414 before
/// any middleware runs, so its limit is set higher (<see cref="KestrelMaxBytes"/>) and the 8 KiB is
/// enforced here; only a line over Kestrel's limit still gets Kestrel's empty answer.
/// </summary>
public static class RequestLineLimit
{
    public const int MaxBytes = 8 * 1024;
    public const int KestrelMaxBytes = 64 * 1024;

    public static IApplicationBuilder UseRequestLineLimit(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value + request.QueryString.Value;
            // Counted as Kestrel counts it: method, target and version, the two spaces between them and the closing CRLF.
            var length = request.Method.Length + target.Length + request.Protocol.Length + 4;
            if (length <= MaxBytes)
            {
                return next(context);
            }

            return request.Path.StartsWithSegments("/checkout")
                ? PageRefusals.RequestLineTooLongAsync(context)
                : ApiErrors.WriteAsync(context, StatusCodes.Status414UriTooLong, "invalid_request_error", "request_line_too_long",
                    $"The request line (method, path and query) is longer than {MaxBytes} bytes.");
        });
}
