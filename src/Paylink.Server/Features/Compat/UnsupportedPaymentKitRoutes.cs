using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Compat;

/// <summary>
/// PaymentKit routes that Paylink lacks but whose paths its own routes would otherwise catch
/// (<c>search</c> read as an id, a method Paylink has not on a path it has). They answer like any unknown
/// route, so a Node user reads at once which call is missing. Remove a line when Paylink implements it.
/// </summary>
public static class UnsupportedPaymentKitRoutes
{
    private static readonly (string Method, string Pattern)[] Routes =
    [
        ("GET", "/api/products/search"),
        ("GET", "/api/prices/search"),
        ("DELETE", "/api/prices/{id}"),
        ("POST", "/api/payment-currencies"),
        ("POST", "/api/payment-currencies/check-recurring-support"),
        ("PUT", "/api/payment-currencies/{id}"),
    ];

    public static void MapUnsupportedPaymentKitRoutes(this IEndpointRouteBuilder app)
    {
        foreach (var (method, pattern) in Routes)
        {
            app.MapMethods(pattern, [method], Unsupported).ExcludeFromDescription();
        }
    }

    private static IResult Unsupported(HttpRequest request) =>
        throw new ApiException(404, "invalid_request_error", "route_unknown",
            $"Unrecognized or unsupported request URL ({request.Method} {request.Path}): Paylink does not implement this PaymentKit call.");
}
