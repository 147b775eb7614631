using System.Buffers.Text;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// Anti-forgery for the payment page's forms, as a signed double-submit: the visitor's browser holds a
/// random id in an HttpOnly cookie, and every form it is given carries this server's signature of that
/// id. A post counts only when its form field is the signature of the cookie it came with, which a page
/// on another site can neither read nor make. The id is kept for the browser session, so a page
/// opened in a second tab does not spoil the first one's form.
/// </summary>
public sealed class PageForgery(PageSigner signer)
{
    public const string FieldName = "__RequestVerificationToken";
    public const string CookieName = "paylink_visitor";
    private const string Use = "forgery";
    private const int IdBytes = 16;
    private static readonly object ItemKey = new();

    /// <summary>The form field's value for this visitor; gives the visitor its cookie first when it has none.</summary>
    public string TokenFor(HttpContext http)
    {
        if (http.Items[ItemKey] is string issued)
        {
            return issued;
        }

        var visitor = http.Request.Cookies[CookieName];
        if (!IsVisitorId(visitor))
        {
            Span<byte> id = stackalloc byte[IdBytes];
            SecureRandom.Fill(id);
            visitor = Base64Url.EncodeToString(id);
            http.Response.Cookies.Append(CookieName, visitor, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                Path = "/checkout",
                IsEssential = true,
            });
        }

        var token = signer.Sign(Use, visitor!);
        http.Items[ItemKey] = token;
        return token;
    }

    /// <summary>True when the posted form carries the signature of the visitor cookie it came with.</summary>
    public bool IsValid(HttpContext http, IFormCollection form)
    {
        var visitor = http.Request.Cookies[CookieName];
        var fields = form[FieldName];
        return IsVisitorId(visitor) && fields.Count == 1 && fields[0] is { } field && signer.Verify(Use, visitor!, field);
    }

    private static bool IsVisitorId(string? value) =>
        value is { Length: 22 } && Base64Url.IsValid(value, out var length) && length == IdBytes;
}
