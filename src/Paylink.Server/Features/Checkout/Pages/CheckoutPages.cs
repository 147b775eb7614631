using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Paylink.Data.Entities;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>Renders the checkout pages: the form, and the pages that only tell something.</summary>
public sealed class CheckoutPages(IAntiforgery antiforgery, IOptions<PaylinkOptions> options)
{
    public Merchant Merchant => options.Value.Merchant;

    public string? TermsUrl => options.Value.TermsOfServiceUrl;

    public RazorComponentResult Message(Strings s, string titleKey, string? text = null, int status = 200, bool testMode = false) =>
        new RazorComponentResult<MessagePage>(new { Model = new MessageView { S = s, Merchant = Merchant, Title = s[titleKey], Text = text ?? s[$"{titleKey}_text"], TestMode = testMode } })
        {
            StatusCode = status,
        };

    public RazorComponentResult Confirmation(Strings s, CheckoutSessionRecord session, PaymentIntentRecord? intent, PageContext? page)
    {
        var settings = CheckoutSettings.Parse(session.SettingsJson);
        var currency = page?.Currency;
        var items = SessionLine.Parse(session.LinesJson).Where(l => l.Quantity > 0)
            .Select(l => (l.Description, l.Quantity, currency is null ? "" : PageMoney.Format(l.AmountSubtotal, currency))).ToList();
        var view = new MessageView
        {
            S = s,
            Merchant = Merchant,
            Title = s["thanks"],
            Text = settings.AfterCompletion.HostedConfirmation?.CustomMessage ?? settings.CustomText.AfterSubmit ?? s["thanks_text"],
            TestMode = !session.Livemode,
            Items = items,
            Discount = currency is not null && System.Text.Json.JsonSerializer.Deserialize<List<Paylink.Client.SessionDiscount>>(session.DiscountsJson, Infrastructure.ServerJson.Options) is [{ } discount, ..]
                ? (s.Format("discount_code", discount.Code ?? ""), "−" + PageMoney.Format(session.AmountDiscount, currency))
                : null,
            PaidText = currency is null ? null : PageMoney.Format(session.AmountTotal, currency),
            CardText = intent?.CardLast4 is { } last4 ? s.Format("card_ending", last4) : null,
            EmailText = CheckoutMapper.Details(session)?.Email is { } email ? s.Format("receipt_to", email) : null,
        };
        return new RazorComponentResult<MessagePage>(new { Model = view });
    }

    public RazorComponentResult Form(HttpContext http, PageContext page, Cart cart, Strings s, string action, string? token,
        Dictionary<string, string> values, Dictionary<string, string> errors, string? formError = null, string? notice = null,
        string? clientReferenceId = null, int status = 200, string? cancelUrl = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var other = s.Locale == "zh" ? "en" : "zh";
        var view = CheckoutView.Build(page, cart, s, Merchant, action, token, (tokens.FormFieldName, tokens.RequestToken ?? ""),
            values, errors, formError ?? FormErrorFor(page, errors, s), notice, TermsUrl, clientReferenceId,
            $"{http.Request.Path}?locale={other}");
        view.CancelUrl = cancelUrl;
        return new RazorComponentResult<CheckoutPage>(new { Model = view }) { StatusCode = status };
    }

    /// <summary>
    /// The message above the form: "correct the highlighted fields" when a field is wrong. A refused promotion
    /// code is told beside its box; where the page has no box (codes not allowed), it is told here.
    /// </summary>
    private static string? FormErrorFor(PageContext page, Dictionary<string, string> errors, Strings s)
    {
        if (errors.TryGetValue(CheckoutPromotion.Field, out var promo) && !page.Settings.AllowPromotionCodes)
        {
            return promo;
        }

        return errors.Keys.Any(k => k != CheckoutPromotion.Field) ? s["fix_errors"] : null;
    }

    /// <summary>The cart a page starts with: each line at its set quantity and a custom amount at its preset.</summary>
    public static Cart StartingCart(PageContext page) => new(
        page.Lines.Select(l => new CartLine(l.Price, l.Product, l.Item.Quantity, l.Price.UnitAmount ?? l.Price.CustomPreset ?? l.Price.CustomMinimum ?? 0)).ToList(),
        page.Currency);

    public async Task<bool> IsFormValidAsync(HttpContext http) => await antiforgery.IsRequestValidAsync(http);
}
