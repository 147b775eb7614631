using System.Text.Encodings.Web;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// The HTML of a page that only tells something (not found, inactive, sold out, expired, the
/// confirmation with what was bought and paid), written like the payment page by <see cref="HtmlOutput"/>.
/// </summary>
public static class MessagePageHtml
{
    /// <summary>The response: the page of <paramref name="view"/> with <paramref name="status"/>.</summary>
    public static IResult Respond(MessageView view, int status = 200) => new Page(view, status);

    public static void Write(HtmlOutput o, MessageView m)
    {
        var s = m.S;
        o.Markup("<!DOCTYPE html>\n<html"u8).Attr("lang"u8, m.Lang).Markup(">\n<head>\n<meta charset=\"utf-8\">\n"u8)
            .Markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"u8).Text(m.Title).Markup(" · "u8).Text(m.Merchant.Name)
            .Markup("</title>\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/checkout/assets/pay.css\">\n</head>\n<body>\n"u8);
        if (m.TestMode)
        {
            o.Markup("<div class=\"banner\" role=\"note\">"u8).Text(s["test_mode"]).Markup("</div>\n"u8);
        }

        o.Markup("<main class=\"checkout message\">\n<header class=\"merchant\">"u8);
        if (m.Merchant.LogoUrl is { } logo)
        {
            o.Markup("<img class=\"logo\""u8).Attr("src"u8, logo).Markup(" alt=\"\">"u8);
        }

        o.Markup("<span>"u8).Text(m.Merchant.Name).Markup("</span></header>\n<h1>"u8).Text(m.Title).Markup("</h1>\n<p class=\"lead\">"u8).Text(m.Text).Markup("</p>\n"u8);
        if (m.Items.Count > 0)
        {
            o.Markup("<ul class=\"receipt\">\n"u8);
            foreach (var item in m.Items)
            {
                o.Markup("<li><span>"u8).Text(item.Name).Markup(" × "u8).Text(item.Quantity).Markup("</span><span>"u8).Text(item.Amount).Markup("</span></li>\n"u8);
            }

            if (m.Discount is { } discount)
            {
                o.Markup("<li data-discount-row><span>"u8).Text(discount.Label).Markup("</span><span>"u8).Text(discount.Amount).Markup("</span></li>\n"u8);
            }

            o.Markup("</ul>\n"u8);
        }

        if (m.PaidText is { } paid)
        {
            o.Markup("<p class=\"paid\"><strong>"u8).Text(s["paid"]).Markup(": "u8).Text(paid).Markup("</strong></p>\n"u8);
        }

        if (m.CardText is { } card)
        {
            o.Markup("<p>"u8).Text(card).Markup("</p>\n"u8);
        }

        if (m.EmailText is { } email)
        {
            o.Markup("<p>"u8).Text(email).Markup("</p>\n"u8);
        }

        if (m.Merchant.SupportEmail is { } support)
        {
            o.Markup("<p class=\"support\">"u8).Text(s.Format("support", support)).Markup("</p>\n"u8);
        }

        o.Markup("</main>\n</body>\n</html>\n"u8);
    }

    private sealed class Page(MessageView view, int status) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            using var output = new HtmlOutput(httpContext.RequestServices.GetRequiredService<HtmlEncoder>());
            Write(output, view);
            var html = output.ToArray();
            var response = httpContext.Response;
            response.StatusCode = status;
            response.ContentType = "text/html; charset=utf-8";
            // A confirmation shows the card's last four digits and the receipt's email: no cache keeps it (nor the other messages).
            response.Headers.CacheControl = "no-cache, no-store";
            response.Headers.Pragma = "no-cache";
            response.ContentLength = html.Length;
            return response.Body.WriteAsync(html, httpContext.RequestAborted).AsTask();
        }
    }
}
