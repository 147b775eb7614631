using Microsoft.EntityFrameworkCore;
using Paylink.Data;
using Paylink.Data.Entities;
using Paylink.Server.Features.Checkout.Processing;
using Paylink.Server.Features.PaymentLinks;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// The hosted pages: <c>/checkout/pay/{payment_link_id}</c> (a link's page; opening it creates nothing)
/// and <c>/checkout/session/{checkout_session_id}</c> (an API-made session, a retry after a decline, or
/// a confirmation). Plain HTML forms that work without JavaScript.
/// </summary>
public static class CheckoutPageEndpoints
{
    public static void MapCheckoutPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/checkout").ExcludeFromDescription();
        group.MapGet("/pay/{id}", ShowLink);
        group.MapGet("/session/{id}", ShowSession);
        group.MapGet("/assets/{name}", CheckoutAssets.Serve);
        // Every post's body is read and checked once, before its handler: see PostedForm.
        var posts = group.MapGroup("").AddEndpointFilter<PostedForm>();
        posts.MapPost("/pay/{id}", SubmitLink);
        posts.MapPost("/session/{id}", SubmitSession);
        posts.MapPost("/pay/{id}/preview", PromotionPreview.ForLink);
        posts.MapPost("/session/{id}/preview", PromotionPreview.ForSession);
    }

    private static async Task<IResult> ShowLink(string id, HttpContext http, LinkPageCache kept, CurrencyCatalog currencies,
        CheckoutPages pages, FormTokens tokens, ICardProcessor processor, TimeProvider time, CancellationToken cancellationToken)
    {
        var s = Strings.For(http.Request);
        var path = http.Request.Path.Value ?? "";
        // Counted before anything is read: a write that lands while this page renders keeps it from being kept.
        var writes = LinkPageCache.IsPlainView(http.Request.Query) ? kept.Writes : null;
        if (kept.Find(path, s.Locale, writes) is { } cached)
        {
            return cached.Template.Respond(200, tokens.Issue(cached.LinkId, cached.Version));
        }

        var db = http.RequestServices.GetRequiredService<PaylinkDbContext>();
        var (link, page, closed) = await OpenLinkAsync(id, db, currencies, pages, processor, s, cancellationToken);
        if (closed is not null)
        {
            return closed;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["email"] = http.Request.Query["prefilled_email"].ToString(),
            ["promo_code"] = http.Request.Query["prefilled_promo_code"].ToString(),
        };
        var reference = http.Request.Query["client_reference_id"].ToString();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        // A prefilled code on a page that takes none is dropped quietly: the customer typed nothing.
        var typed = page!.Settings.AllowPromotionCodes ? values[CheckoutPromotion.Field] : "";
        var candidate = await CheckoutPromotion.FindAsync(db, page, typed, values["email"], cancellationToken);
        var cart = CheckoutPromotion.Apply(CheckoutPages.StartingCart(page), typed, candidate, page, s, time.UtcNow(), errors);
        var view = pages.FormView(http, page, cart, s, $"/checkout/pay/{link!.Id}", hasToken: true, values, errors,
            clientReferenceId: reference.Length is > 0 and <= 200 ? reference : null);
        var template = PageTemplate.Render(http.RequestServices, view);
        kept.Keep(path, s.Locale, writes, template, link.Id, link.Version);
        return template.Respond(200, tokens.Issue(link.Id, link.Version));
    }

    private static async Task<IResult> SubmitLink(string id, HttpContext http, PaylinkDbContext db, CurrencyCatalog currencies,
        CheckoutPages pages, FormTokens tokens, ICardProcessor processor, CheckoutService checkout, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var s = Strings.For(http.Request);
        if (!await pages.IsFormValidAsync(http))
        {
            return pages.Message(s, "bad_form", status: 400);
        }

        var (link, page, closed) = await OpenLinkAsync(id, db, currencies, pages, processor, s, cancellationToken);
        var token = tokens.Read(form["token"]);
        var reference = form["client_reference_id"].ToString() is { Length: > 0 and <= 200 } r ? r : null;
        if (closed is not null)
        {
            // A form whose session already completed (a reload after paying) still ends on its outcome.
            if (token is not null && await db.CheckoutSessions.AsNoTracking().FirstOrDefaultAsync(x => x.FormToken == token.Nonce, cancellationToken) is { Status: CheckoutSessionStatus.Complete } done)
            {
                return SessionFlow.AfterCompletion(done, s);
            }

            return closed;
        }

        var action = $"/checkout/pay/{link!.Id}";
        var freshToken = tokens.Issue(link.Id, link.Version);
        if (token is null || token.LinkId != link.Id || token.Version != link.Version)
        {
            var notice = token is null || token.LinkId != link.Id ? s["stale_form"] : s["changed"];
            var kept = CheckoutForm.Read(form, page!, s, time.GetUtcNow(), requireCard: false);
            kept.Errors.Clear();
            return pages.Form(http, page!, CheckoutPages.StartingCart(page!), s, action, freshToken, kept.Values, [], notice: notice, clientReferenceId: reference, status: 409);
        }

        var result = await CheckoutForm.ReadAsync(form, page!, s, time, requireCard: IsPay(form), db, cancellationToken);
        if (!IsPay(form) || result.Submission is null)
        {
            var errors = ShownErrors(form, result);
            return pages.Form(http, page!, result.Cart, s, action, form["token"], result.Values, errors,
                clientReferenceId: reference, status: errors.Count > 0 ? 400 : 200);
        }

        var session = await checkout.GetOrCreateLinkSessionAsync(link, page!.Settings, token.Nonce, s.Locale, reference, cancellationToken);
        return await SessionFlow.PayAsync(http, db, session, page, result, s, pages, checkout, currencies, cancellationToken);
    }

    private static async Task<IResult> ShowSession(string id, HttpContext http, PaylinkDbContext db, CurrencyCatalog currencies,
        CheckoutPages pages, ICardProcessor processor, TimeProvider time, CancellationToken cancellationToken)
    {
        var s = Strings.For(http.Request);
        var session = await db.CheckoutSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (session is null)
        {
            return pages.Message(s, "not_found", status: 404);
        }

        return await SessionFlow.ShowAsync(http, db, session, s, pages, currencies, processor, time, cancellationToken);
    }

    private static async Task<IResult> SubmitSession(string id, HttpContext http, PaylinkDbContext db, CurrencyCatalog currencies,
        CheckoutPages pages, ICardProcessor processor, CheckoutService checkout, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var s = Strings.For(http.Request);
        if (!await pages.IsFormValidAsync(http))
        {
            return pages.Message(s, "bad_form", status: 400);
        }

        var session = await db.CheckoutSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (session is null)
        {
            return pages.Message(s, "not_found", status: 404);
        }

        if (session.Status != CheckoutSessionStatus.Open || session.ExpiresAt <= time.UtcNow() || !processor.Supports(session.Livemode))
        {
            return await SessionFlow.ShowAsync(http, db, session, s, pages, currencies, processor, time, cancellationToken);
        }

        var page = await PageContext.LoadAsync(db, currencies, session.Livemode, session.CurrencyId, CheckoutSettings.Parse(session.SettingsJson), cancellationToken);
        if (page is null)
        {
            return pages.Message(s, "not_found", status: 404);
        }

        var result = await CheckoutForm.ReadAsync(form, page, s, time, requireCard: IsPay(form), db, cancellationToken);
        if (!IsPay(form) || result.Submission is null)
        {
            var errors = ShownErrors(form, result);
            return pages.Form(http, page, result.Cart, s, $"/checkout/session/{session.Id}", null, result.Values, errors, status: errors.Count > 0 ? 400 : 200);
        }

        return await SessionFlow.PayAsync(http, db, session, page, result, s, pages, checkout, currencies, cancellationToken);
    }

    /// <summary>Only the pay button charges; "update" (totals) and "apply" (a promotion code) show the page again.</summary>
    private static bool IsPay(IFormCollection form) => form["action"] != "update" && form["action"] != "apply";

    /// <summary>
    /// The errors a re-shown page carries: after "update", all but the card's (it was not asked for); after
    /// "apply", only those of the order itself (quantities, amount, code), so a customer who applies a code
    /// before filling in the rest is not scolded for it.
    /// </summary>
    private static Dictionary<string, string> ShownErrors(IFormCollection form, CheckoutForm.Result result) => form["action"].ToString() switch
    {
        "update" => result.Errors.Where(e => !e.Key.StartsWith("card_", StringComparison.Ordinal)).ToDictionary(),
        "apply" => result.Errors.Where(e => CheckoutForm.IsOrderField(e.Key)).ToDictionary(),
        _ => result.Errors,
    };

    /// <summary>Loads a link's page, or the page that says why it cannot be paid (unknown, sold out, inactive, live mode without a processor).</summary>
    internal static async Task<(PaymentLinkRecord? Link, PageContext? Page, IResult? Closed)> OpenLinkAsync(string id, PaylinkDbContext db,
        CurrencyCatalog currencies, CheckoutPages pages, ICardProcessor processor, Strings s, CancellationToken cancellationToken)
    {
        var link = await LinkReads.FindByIdAsync(db, id, cancellationToken);
        if (link is null)
        {
            return (null, null, pages.Message(s, "not_found", status: 404));
        }

        if (!processor.Supports(link.Livemode))
        {
            return (link, null, pages.Message(s, "unavailable"));
        }

        if (link.CompletedSessionsLimit is { } limit && link.CompletedSessionsCount >= limit)
        {
            return (link, null, pages.Message(s, "sold_out", testMode: !link.Livemode));
        }

        if (!link.Active)
        {
            return (link, null, pages.Message(s, "inactive", link.InactiveMessage, testMode: !link.Livemode));
        }

        var settings = CheckoutSettings.From(PaymentLinkDraft.From(link));
        var page = await PageContext.LoadAsync(db, currencies, link.Livemode, link.CurrencyId, settings, cancellationToken);
        if (page is null)
        {
            return (link, null, pages.Message(s, "inactive", link.InactiveMessage, testMode: !link.Livemode));
        }

        return page.SoldOut ? (link, null, pages.Message(s, "sold_out", testMode: !link.Livemode)) : (link, page, null);
    }
}
