using Microsoft.EntityFrameworkCore;
using Paylink.Client;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Checkout.Processing;
using Paylink.Server.Features.PaymentLinks;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>What the customer sees of a session: its form, its outcome after a submit, its confirmation.</summary>
public static class SessionFlow
{
    private static readonly TimeSpan WaitForOtherSubmit = TimeSpan.FromSeconds(10);

    public static async Task<IResult> ShowAsync(HttpContext http, PaylinkDbContext db, CheckoutSessionRecord session, Strings s,
        CheckoutPages pages, CurrencyCatalog currencies, ICardProcessor processor, TimeProvider time, CancellationToken cancellationToken)
    {
        var intent = session.PaymentIntentId is { } pi ? await db.PaymentIntents.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pi, cancellationToken) : null;
        var settings = CheckoutSettings.Parse(session.SettingsJson);
        var page = await PageContext.LoadAsync(db, currencies, session.Livemode, session.CurrencyId, settings, cancellationToken);
        if (session.Status == CheckoutSessionStatus.Complete)
        {
            return pages.Confirmation(s, session, intent, page);
        }

        if (session.Status == CheckoutSessionStatus.Expired
            || (session.ExpiresAt <= time.UtcNow() && intent?.Status is not (PaymentIntentStatus.Processing or PaymentIntentStatus.Succeeded)))
        {
            return pages.Message(s, "expired", status: 410, testMode: !session.Livemode);
        }

        if (!processor.Supports(session.Livemode))
        {
            return pages.Message(s, "unavailable");
        }

        if (intent?.Status == PaymentIntentStatus.Processing)
        {
            return pages.Message(s, "in_progress", status: 202, testMode: !session.Livemode);
        }

        if (page is null)
        {
            return pages.Message(s, "not_found", status: 404);
        }

        var values = StoredValues(session);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (intent?.LastErrorCode is { } code)
        {
            errors["card_number"] = s[code];
        }

        var cart = new Cart(page.Lines.Select(l => new CartLine(l.Price, l.Product,
            session.Lines.FirstOrDefault(x => x.PriceId == l.Price.Id)?.Quantity ?? l.Item.Quantity,
            Cart.StartingUnitAmount(l.Price))).ToList(), page.Currency);
        var typed = values.GetValueOrDefault(CheckoutPromotion.Field, "");
        var candidate = await CheckoutPromotion.FindAsync(db, page, typed, values["email"], cancellationToken);
        cart = CheckoutPromotion.Apply(cart, typed, candidate, page, s, time.UtcNow(), errors);
        return pages.Form(http, page, cart, s, $"/checkout/session/{session.Id}", null, values, errors,
            formError: errors.GetValueOrDefault("card_number"), cancelUrl: session.CancelUrl);
    }

    public static async Task<IResult> PayAsync(HttpContext http, PaylinkDbContext db, CheckoutSessionRecord session, PageContext page,
        CheckoutForm.Result form, Strings s, CheckoutPages pages, CheckoutService checkout, CurrencyCatalog currencies, CancellationToken cancellationToken)
    {
        var outcome = await checkout.PayAsync(session.Id, form.Submission!, cancellationToken);
        if (outcome.Kind == PayOutcomeKind.InProgress)
        {
            outcome = await WaitAsync(db, session.Id, outcome, cancellationToken);
        }

        // What the answer shows of the session (its id, mode, settings and URLs) is fixed when the session
        // is made: the row the submit started from serves, nothing is read again.
        switch (outcome.Kind)
        {
            case PayOutcomeKind.Completed:
                return AfterCompletion(session, s);
            case PayOutcomeKind.Declined:
                var message = s[outcome.DeclineCode ?? "card_declined"];
                var errors = new Dictionary<string, string>(StringComparer.Ordinal) { ["card_number"] = message };
                return pages.Form(http, page, form.Cart, s, $"/checkout/session/{session.Id}", null, form.Values, errors, formError: message,
                    status: 402, cancelUrl: session.CancelUrl);
            case PayOutcomeKind.PromotionRefused:
                // Nothing was held or charged: the page comes back without the discount and says why.
                var refusal = CheckoutPromotion.Message(outcome.Refusal ?? Promotions.PromotionRefusal.UsedUp, null, s, page.Currency);
                var promoErrors = new Dictionary<string, string>(StringComparer.Ordinal) { [CheckoutPromotion.Field] = refusal };
                return pages.Form(http, page, form.Cart with { Promotion = null }, s, $"/checkout/session/{session.Id}", null, form.Values, promoErrors,
                    formError: $"{refusal} {s["not_charged"]}", status: 409, cancelUrl: session.CancelUrl);
            case PayOutcomeKind.SoldOut:
                return pages.Message(s, "sold_out", status: 409, testMode: !session.Livemode);
            case PayOutcomeKind.LinkInactive:
                // The link was archived while this session was open: its page's own "no longer available", with the merchant's message.
                var link = await LinkReads.FindByIdAsync(db, session.PaymentLinkId!, cancellationToken);
                return pages.Message(s, "inactive", link?.InactiveMessage, status: 409, testMode: !session.Livemode);
            case PayOutcomeKind.Expired:
                return pages.Message(s, "expired", status: 410, testMode: !session.Livemode);
            default:
                return pages.Message(s, "in_progress", status: 202, testMode: !session.Livemode);
        }
    }

    /// <summary>After payment: the link's redirect (with the session id), the session's success URL, or the hosted confirmation.</summary>
    public static IResult AfterCompletion(CheckoutSessionRecord session, Strings s)
    {
        var settings = CheckoutSettings.Parse(session.SettingsJson);
        var target = settings.AfterCompletion is { Type: "redirect", Redirect.Url: { Length: > 0 } url } ? url : session.SuccessUrl;
        if (target is not null)
        {
            return new SeeOther(target.Replace("{CHECKOUT_SESSION_ID}", session.Id, StringComparison.Ordinal));
        }

        return new SeeOther($"/checkout/session/{session.Id}{(s.Locale == "zh" ? "?locale=zh" : "")}");
    }

    /// <summary>Another submit of the same session is charging right now: wait for its answer, then tell it.</summary>
    private static async Task<PayOutcome> WaitAsync(PaylinkDbContext db, string sessionId, PayOutcome outcome, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + WaitForOtherSubmit;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
            var state = await db.CheckoutSessions.AsNoTracking().Where(x => x.Id == sessionId)
                .Select(x => new { x.Status, Intent = db.PaymentIntents.Where(p => p.Id == x.PaymentIntentId).Select(p => new { p.Status, p.LastErrorCode, p.LastErrorMessage }).FirstOrDefault() })
                .FirstAsync(cancellationToken);
            if (state.Status == CheckoutSessionStatus.Complete)
            {
                return new PayOutcome(PayOutcomeKind.Completed, sessionId);
            }

            if (state.Status == CheckoutSessionStatus.Expired)
            {
                return new PayOutcome(PayOutcomeKind.Expired, sessionId);
            }

            if (state.Intent is { Status: PaymentIntentStatus.RequiresPaymentMethod } intent)
            {
                return new PayOutcome(PayOutcomeKind.Declined, sessionId, intent.LastErrorCode, intent.LastErrorMessage);
            }
        }

        return outcome;
    }

    private static Dictionary<string, string> StoredValues(CheckoutSessionRecord session)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var details = session.CustomerDetails;
        values["email"] = details?.Email ?? session.CustomerEmail ?? "";
        values["name"] = details?.Name ?? "";
        values["phone"] = details?.Phone ?? "";
        if (details?.Address is { } a)
        {
            values["address_country"] = a.Country ?? "";
            values["address_line1"] = a.Line1 ?? "";
            values["address_line2"] = a.Line2 ?? "";
            values["address_city"] = a.City ?? "";
            values["address_state"] = a.State ?? "";
            values["address_postal_code"] = a.PostalCode ?? "";
        }

        // A customer coming back after a decline finds the code they used still in the box.
        if (session.Discounts is [{ Code: { } code }, ..])
        {
            values[CheckoutPromotion.Field] = code;
        }

        foreach (var field in session.CustomFields)
        {
            values[$"field_{field.Key}"] = field.Value ?? "";
        }

        return values;
    }
}

/// <summary>303 See Other: after a form post, the browser fetches the target with GET.</summary>
public sealed class SeeOther(string location) : IResult
{
    public string Location { get; } = location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
