using System.Globalization;
using System.Text.Json;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Pages;

public sealed record LineView(int Index, string Name, string? Description, string? ImageUrl, string UnitText, int Quantity,
    bool Adjustable, int Min, int Max, string LineTotalText, long UnitMinor, bool CustomAmount, string? CustomRange);

/// <summary>Everything the payment page shows, already worded and formatted.</summary>
public sealed class CheckoutView
{
    public required Strings S { get; init; }
    public required Merchant Merchant { get; init; }
    public required bool TestMode { get; init; }
    public required string FormAction { get; init; }

    /// <summary>Whether the form carries a form token (a link's page does; a session's page is its own key).</summary>
    public bool HasToken { get; init; }
    public required Currency Currency { get; init; }
    public required CheckoutSettings Settings { get; init; }
    public required List<LineView> Lines { get; init; }
    public required string SubtotalText { get; init; }
    public string? DiscountText { get; init; }
    public string? DiscountLabel { get; init; }

    /// <summary>"Code SAVE10 applied", under the promotion code box.</summary>
    public string? PromoNote { get; init; }
    public required string TotalText { get; init; }
    public required long TotalMinor { get; init; }
    public required Dictionary<string, string> Values { get; init; }
    public required Dictionary<string, string> Errors { get; init; }
    public string? FormError { get; init; }
    public string? Notice { get; init; }
    public string? TermsUrl { get; init; }
    public string? ClientReferenceId { get; init; }
    public required string LanguageSwitchUrl { get; init; }
    public string? CancelUrl { get; set; }

    public string Lang => S.Locale == "zh" ? "zh-CN" : "en";

    public string SubmitLabel => TotalMinor == 0
        ? S["no_payment"]
        : Settings.SubmitType switch
        {
            "book" => S["book"],
            "donate" => S["donate"],
            _ => S.Format("pay", TotalText),
        };

    /// <summary>The pay button's words with a <c>{0}</c> for the total, for the script that updates it live.</summary>
    public string SubmitTemplate => Settings.SubmitType is "book" or "donate" ? SubmitLabel : S["pay"];

    public string Value(string name) => Values.GetValueOrDefault(name, "");

    public string? Error(string name) => Errors.GetValueOrDefault(name);

    public string CurrencyJson => string.Create(CultureInfo.InvariantCulture, $"{{\"symbol\":{JsonSerializer.Serialize(Currency.Symbol)},\"decimals\":{Currency.Decimal}}}");

    public static CheckoutView Build(PageContext page, Cart cart, Strings s, Merchant merchant, string formAction, bool hasToken,
        Dictionary<string, string> values, Dictionary<string, string> errors,
        string? formError, string? notice, string? termsUrl, string? clientReferenceId, string languageSwitchUrl)
    {
        var lines = page.Lines.Select((line, i) =>
        {
            var cartLine = cart.Lines[i];
            var price = line.Price;
            return new LineView(line.Index, line.Product.Name, line.Product.Description, FirstImage(line.Product.ImagesJson),
                PageMoney.Format(cartLine.UnitAmount, page.Currency), cartLine.Quantity, line.Adjustable, line.MinQuantity, line.MaxQuantity,
                PageMoney.Format(cartLine.Subtotal, page.Currency), cartLine.UnitAmount, line.CustomAmount,
                line.CustomAmount
                    ? s.Format("amount_range", PageMoney.Format(price.CustomMinimum ?? 0, page.Currency),
                        PageMoney.Format(price.CustomMaximum ?? Money.MaxUnitMinor(page.Currency), page.Currency))
                    : null);
        }).ToList();

        return new CheckoutView
        {
            S = s,
            Merchant = merchant,
            TestMode = !page.Livemode,
            FormAction = formAction,
            HasToken = hasToken,
            Currency = page.Currency,
            Settings = page.Settings,
            Lines = lines,
            SubtotalText = PageMoney.Format(cart.Subtotal, page.Currency),
            DiscountText = cart.Promotion is null ? null : "−" + PageMoney.Format(cart.Discount, page.Currency),
            DiscountLabel = cart.Promotion is { } promotion ? s.Format("discount_code", promotion.Code.Code) : null,
            PromoNote = cart.Promotion is { } applied ? s.Format("promo_applied", applied.Code.Code) : null,
            TotalText = PageMoney.Format(cart.Total, page.Currency),
            TotalMinor = cart.Total,
            Values = values,
            Errors = errors,
            FormError = formError,
            Notice = notice,
            TermsUrl = termsUrl,
            ClientReferenceId = clientReferenceId,
            LanguageSwitchUrl = languageSwitchUrl,
        };
    }

    private static string? FirstImage(string imagesJson) =>
        JsonSerializer.Deserialize<List<string>>(imagesJson) is [var first, ..] ? first : null;
}

/// <summary>Who is selling, from <c>Paylink__Merchant__…</c>.</summary>
public sealed class Merchant
{
    public string Name { get; set; } = "Paylink merchant";
    public string? LogoUrl { get; set; }
    public string? SupportEmail { get; set; }
}

/// <summary>A page that only tells something: not found, inactive, sold out, expired, thank you.</summary>
public sealed class MessageView
{
    public required Strings S { get; init; }
    public required Merchant Merchant { get; init; }
    public required string Title { get; init; }
    public required string Text { get; init; }
    public bool TestMode { get; init; }

    /// <summary>The confirmation's details: what was bought and paid.</summary>
    public List<(string Name, int Quantity, string Amount)> Items { get; init; } = [];
    public (string Label, string Amount)? Discount { get; init; }
    public string? PaidText { get; init; }
    public string? CardText { get; init; }
    public string? EmailText { get; init; }
    public string Lang => S.Locale == "zh" ? "zh-CN" : "en";
}
