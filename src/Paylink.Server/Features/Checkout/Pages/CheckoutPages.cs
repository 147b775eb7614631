using Microsoft.Extensions.Options;
using Paylink.Data.Entities;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>Renders the checkout pages: the form, and the pages that only tell something.</summary>
public sealed class CheckoutPages(PageForgery forgery, IOptions<PaylinkOptions> options)
{
    public Merchant Merchant => options.Value.Merchant;

    public string? TermsUrl => options.Value.TermsOfServiceUrl;

    public IResult Message(Strings s, string titleKey, string? text = null, int status = 200, bool testMode = false) =>
        MessagePageHtml.Respond(new MessageView { S = s, Merchant = Merchant, Title = s[titleKey], Text = text ?? s[$"{titleKey}_text"], TestMode = testMode }, status);

    public IResult Confirmation(Strings s, CheckoutSessionRecord session, PaymentIntentRecord? intent, PageContext? page)
    {
        var settings = CheckoutSettings.Parse(session.SettingsJson);
        var currency = page?.Currency;
        var items = session.Lines.Where(l => l.Quantity > 0)
            .Select(l => (l.Description, l.Quantity, currency is null ? "" : PageMoney.Format(l.AmountSubtotal, currency))).ToList();
        var view = new MessageView
        {
            S = s,
            Merchant = Merchant,
            Title = s["thanks"],
            Text = settings.AfterCompletion.HostedConfirmation?.CustomMessage ?? settings.CustomText.AfterSubmit ?? s["thanks_text"],
            TestMode = !session.Livemode,
            Items = items,
            Discount = currency is not null && session.Discounts is [{ } discount, ..]
                ? (s.Format("discount_code", discount.Code ?? ""), "−" + PageMoney.Format(session.AmountDiscount, currency))
                : null,
            PaidText = currency is null ? null : PageMoney.Format(session.AmountTotal, currency),
            CardText = intent?.CardLast4 is { } last4 ? s.Format("card_ending", last4) : null,
            EmailText = session.CustomerDetails?.Email is { } email ? s.Format("receipt_to", email) : null,
        };
        return MessagePageHtml.Respond(view);
    }

    /// <summary>The form page; rendered when the response is written, with this visitor's anti-forgery token and <paramref name="token"/> filled in.</summary>
    public IResult Form(HttpContext http, PageContext page, Cart cart, Strings s, string action, string? token,
        Dictionary<string, string> values, Dictionary<string, string> errors, string? formError = null, string? notice = null,
        string? clientReferenceId = null, int status = 200, string? cancelUrl = null)
    {
        var view = FormView(http, page, cart, s, action, token is not null, values, errors, formError, notice, clientReferenceId, cancelUrl);
        return new DeferredForm(view, status, token);
    }

    /// <summary>The form page's view (its tokens are filled in when a response is written, see <see cref="PageTemplate"/>).</summary>
    public CheckoutView FormView(HttpContext http, PageContext page, Cart cart, Strings s, string action, bool hasToken,
        Dictionary<string, string> values, Dictionary<string, string> errors, string? formError = null, string? notice = null,
        string? clientReferenceId = null, string? cancelUrl = null)
    {
        var other = s.Locale == "zh" ? "en" : "zh";
        var view = CheckoutView.Build(page, cart, s, Merchant, action, hasToken,
            values, errors, formError ?? FormErrorFor(page, errors, s), notice, TermsUrl, clientReferenceId,
            $"{http.Request.Path}?locale={other}");
        view.CancelUrl = cancelUrl;
        return view;
    }

    /// <summary>
    /// The message above the form: "correct the highlighted fields" when a field is wrong. A refused promotion
    /// code is told beside its box; where the page has no box (codes not allowed), it is told here. An order
    /// above the most one payment can be belongs to no one field, so it is told here too.
    /// </summary>
    private static string? FormErrorFor(PageContext page, Dictionary<string, string> errors, Strings s)
    {
        if (errors.TryGetValue(CheckoutPromotion.Field, out var promo) && !page.Settings.AllowPromotionCodes)
        {
            return promo;
        }

        if (errors.TryGetValue(CheckoutForm.TotalError, out var total))
        {
            return total;
        }

        return errors.Keys.Any(k => k != CheckoutPromotion.Field) ? s["fix_errors"] : null;
    }

    /// <summary>The cart a page starts with: each line at its set quantity and a custom amount at its preset.</summary>
    public static Cart StartingCart(PageContext page) => Cart.Starting(page.Lines.Select(l => (l.Item, l.Price, l.Product)), page.Currency);

    /// <summary>True when the posted form carries its anti-forgery token (see <see cref="PageForgery"/>).</summary>
    public async Task<bool> IsFormValidAsync(HttpContext http) =>
        http.Request.HasFormContentType && forgery.IsValid(http, await http.Request.ReadFormAsync(http.RequestAborted));

    private sealed class DeferredForm(CheckoutView view, int status, string? token) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => status;

        public Task ExecuteAsync(HttpContext httpContext) =>
            PageTemplate.Render(httpContext.RequestServices, view).Respond(status, token).ExecuteAsync(httpContext);
    }
}
