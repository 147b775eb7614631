using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Checkout.Processing;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// The totals of a filled-in form, for the page's script: it applies a promotion code (or a new quantity
/// with a code applied) without a reload. Same-origin, anti-forgery checked, read-only — it creates and
/// holds nothing, and is computed exactly as a submit would be. Any answer but 200 makes the script fall
/// back to posting the form.
/// </summary>
public static class PromotionPreview
{
    public sealed record Answer(string Subtotal, string? Discount, string? DiscountLabel, string Total, long TotalMinor, string Submit,
        List<string> Lines, string? PromoNote, string? PromoError, Dictionary<string, string> Errors);

    public static async Task<IResult> ForLink(string id, HttpContext http, PaylinkDbContext db, CurrencyCatalog currencies, CheckoutPages pages,
        ICardProcessor processor, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (!await pages.IsFormValidAsync(http))
        {
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        var (_, page, closed) = await CheckoutPageEndpoints.OpenLinkAsync(id, db, currencies, pages, processor, Strings.For(http.Request), cancellationToken);
        return closed is not null ? Results.StatusCode(StatusCodes.Status409Conflict) : await AnswerAsync(http, form, page!, db, pages, time, cancellationToken);
    }

    public static async Task<IResult> ForSession(string id, HttpContext http, PaylinkDbContext db, CurrencyCatalog currencies, CheckoutPages pages,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (!await pages.IsFormValidAsync(http))
        {
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }

        var session = await db.CheckoutSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (session is null || session.Status != CheckoutSessionStatus.Open || session.ExpiresAt <= time.UtcNow())
        {
            return Results.StatusCode(StatusCodes.Status409Conflict);
        }

        var page = await PageContext.LoadAsync(db, currencies, session.Livemode, session.CurrencyId, CheckoutSettings.Parse(session.SettingsJson), cancellationToken);
        return page is null ? Results.StatusCode(StatusCodes.Status409Conflict) : await AnswerAsync(http, form, page, db, pages, time, cancellationToken);
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, IFormCollection form, PageContext page, PaylinkDbContext db, CheckoutPages pages,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var s = Strings.For(http.Request);
        var result = await CheckoutForm.ReadAsync(form, page, s, time, requireCard: false, db, cancellationToken);
        var errors = result.Errors.Where(e => CheckoutForm.IsOrderField(e.Key)).ToDictionary();
        var view = CheckoutView.Build(page, result.Cart, s, pages.Merchant, "", hasToken: false, result.Values, errors, null, null, null, null, "");
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new Answer(view.SubtotalText, view.DiscountText, view.DiscountLabel, view.TotalText, view.TotalMinor, view.SubmitLabel,
            view.Lines.Select(l => l.LineTotalText).ToList(), view.PromoNote, errors.GetValueOrDefault(CheckoutPromotion.Field),
            errors.Where(e => e.Key != CheckoutPromotion.Field).ToDictionary()), ServerJson.Options);
    }
}
