using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// The hosted pages' answers to a request refused before any page handler runs, in the page's language:
/// too many form posts from one address, and an address longer than the server accepts.
/// </summary>
public static class PageRefusals
{
    /// <summary>429 with <c>Retry-After</c>, and the same number of seconds in the page's text.</summary>
    public static Task TooManyRequestsAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = RetryAfter.Set(http.Response, retryAfter);
        var s = Strings.For(http.Request);
        return Pages(http).Message(s, "rate_limited", s.Format("rate_limited_text", seconds), status: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(http);
    }

    public static Task RequestLineTooLongAsync(HttpContext http) =>
        Pages(http).Message(Strings.For(http.Request), "address_too_long", status: StatusCodes.Status414UriTooLong).ExecuteAsync(http);

    private static CheckoutPages Pages(HttpContext http) => http.RequestServices.GetRequiredService<CheckoutPages>();
}
