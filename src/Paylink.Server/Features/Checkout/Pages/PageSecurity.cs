using Microsoft.Extensions.Options;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// Security headers of the hosted pages: a Content-Security-Policy with no inline script and no
/// <c>form-action</c> (Chromium applies it to the redirect after payment too), framing only as
/// <c>Paylink__FrameAncestors</c> allows (with <c>X-Frame-Options: DENY</c> beside it when that is <c>'none'</c>).
/// Nothing else sets X-Frame-Options: the pages' anti-forgery is Paylink's own (<see cref="PageForgery"/>).
/// </summary>
public static class PageSecurity
{
    public static IApplicationBuilder UseCheckoutSecurityHeaders(this IApplicationBuilder app)
    {
        // The settings are read once, at start: the policy is the same string for every page.
        var ancestors = app.ApplicationServices.GetRequiredService<IOptions<PaylinkOptions>>().Value.FrameAncestors;
        var policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; " +
            $"object-src 'none'; base-uri 'none'; frame-ancestors {ancestors}";
        var deny = ancestors.Trim() == "'none'";
        return app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/checkout"))
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                if (deny)
                {
                    headers.XFrameOptions = "DENY";
                }
            }

            return next(context);
        });
    }
}
