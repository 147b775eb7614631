using Paylink.Data;
using Paylink.Server.Features.Checkout.Pages;
using Paylink.Server.Features.Promotions;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout;

/// <summary>
/// A promotion code on the payment page: looked up only where the link (or session) allows codes, applied
/// to the cart, or refused with a message in the page's language. A code sent to a page that takes none
/// is refused, whoever sent it.
/// </summary>
public static class CheckoutPromotion
{
    public const string Field = "promo_code";

    public static async Task<PromotionCandidate?> FindAsync(PaylinkDbContext db, PageContext page, string? typed, string? email, CancellationToken cancellationToken)
    {
        var code = typed?.Trim() ?? "";
        return page.Settings.AllowPromotionCodes && code.Length > 0
            ? await PromotionCheck.FindAsync(db, page.Livemode, code, email, cancellationToken)
            : null;
    }

    /// <summary>The cart with the code's discount, or the cart as it was and the reason in <paramref name="errors"/>.</summary>
    public static Cart Apply(Cart cart, string typed, PromotionCandidate? candidate, PageContext page, Strings s, DateTime now, Dictionary<string, string> errors)
    {
        cart = cart with { Promotion = null };
        if (typed.Trim().Length == 0)
        {
            return cart;
        }

        if (!page.Settings.AllowPromotionCodes)
        {
            errors[Field] = s["promo_not_allowed"];
            return cart;
        }

        if (candidate is null)
        {
            return cart;
        }

        var (applied, refusal) = PromotionCheck.Evaluate(candidate, cart.DiscountLines, cart.Currency.Id, now);
        if (applied is null)
        {
            errors[Field] = Message(refusal!.Value, candidate, s, cart.Currency);
            return cart;
        }

        return cart with { Promotion = applied };
    }

    public static string Message(PromotionRefusal refusal, PromotionCandidate? candidate, Strings s, Currency currency) => refusal switch
    {
        PromotionRefusal.BelowMinimum => s.Format("promo_minimum", PageMoney.Format(candidate?.Code?.MinimumAmount ?? 0, currency)),
        PromotionRefusal.WrongCurrency => s.Format("promo_currency", currency.Id.ToUpperInvariant()),
        _ => s[PromotionCheck.MessageKey(refusal)],
    };
}
