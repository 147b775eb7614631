using System.Globalization;
using System.Text.RegularExpressions;
using Paylink.Client;
using Paylink.Data;
using Paylink.Server.Features.Checkout.Processing;
using Paylink.Server.Features.Promotions;
using Paylink.Server.Infrastructure;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// Reads and checks a posted checkout form with the same rules the page shows. Errors are keyed by
/// field name and worded in the page's language. Typed values are echoed back — never the card number or CVC.
/// </summary>
public static partial class CheckoutForm
{
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-]{6,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^(?<m>[0-9]{1,2})\s*/\s*(?<y>[0-9]{2}|[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex ExpiryPattern();

    public static readonly string[] EchoedFields =
    [
        "email", "name", "phone", "address_country", "address_line1", "address_line2", "address_city", "address_state",
        "address_postal_code", "custom_amount", "promo_code", "card_name", "terms",
    ];

    /// <summary>The key of an error about the order as a whole (its total), told above the form rather than beside a field.</summary>
    public const string TotalError = "total";

    /// <summary>Fields of the order itself, whose errors change the totals: quantities, a chosen amount, the promotion code.</summary>
    public static bool IsOrderField(string name) =>
        name.StartsWith("quantity_", StringComparison.Ordinal) || name is "custom_amount" or CheckoutPromotion.Field or TotalError;

    public sealed record Result(Cart Cart, CheckoutSubmission? Submission, Dictionary<string, string> Errors, Dictionary<string, string> Values);

    /// <summary>Reads the form after looking up its promotion code, if the page takes codes and one was typed.</summary>
    public static async Task<Result> ReadAsync(IFormCollection form, PageContext page, Strings s, TimeProvider time, bool requireCard,
        PaylinkDbContext db, CancellationToken cancellationToken)
    {
        var promotion = await CheckoutPromotion.FindAsync(db, page, form[CheckoutPromotion.Field], form["email"], cancellationToken);
        return Read(form, page, s, time.GetUtcNow(), requireCard, promotion);
    }

    public static Result Read(IFormCollection form, PageContext page, Strings s, DateTimeOffset now, bool requireCard, PromotionCandidate? promotion = null)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in EchoedFields)
        {
            values[name] = form[name].ToString().Trim();
        }

        var cart = ReadCart(form, page, s, values, errors);
        cart = CheckoutPromotion.Apply(cart, values[CheckoutPromotion.Field], promotion, page, s, now.UtcDateTime, errors);
        var details = ReadDetails(page, s, values, errors);
        var customFields = ReadCustomFields(form, page, s, values, errors);
        var terms = values["terms"] == "accepted";
        if (page.Settings.TermsOfService == "required" && !terms)
        {
            errors["terms"] = s["terms_required"];
        }

        CardInput? card = null;
        if (requireCard && cart.Total > 0)
        {
            card = ReadCard(form, s, now, errors, values["card_name"].Length > 0 ? values["card_name"] : details.Name);
        }

        return new Result(cart, errors.Count == 0 ? new CheckoutSubmission(cart, details, customFields, terms, card) : null, errors, values);
    }

    private static Cart ReadCart(IFormCollection form, PageContext page, Strings s, Dictionary<string, string> values, Dictionary<string, string> errors)
    {
        var lines = new List<CartLine>();
        foreach (var line in page.Lines)
        {
            var quantity = line.Item.Quantity;
            if (line.Adjustable)
            {
                var name = $"quantity_{line.Index}";
                var text = form[name].ToString().Trim();
                values[name] = text;
                if (text.Length > 0)
                {
                    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && chosen >= line.MinQuantity && chosen <= line.MaxQuantity)
                    {
                        quantity = chosen;
                    }
                    else
                    {
                        errors[name] = s.Format("invalid_quantity", line.MinQuantity, line.MaxQuantity);
                    }
                }
            }

            var unitAmount = line.Price.UnitAmount ?? ReadCustomAmount(line, page, s, values, errors);
            lines.Add(new CartLine(line.Price, line.Product, quantity, unitAmount));
        }

        if (lines.All(l => l.Quantity == 0))
        {
            errors["quantity_0"] = s["nothing_chosen"];
        }

        var cart = new Cart(lines, page.Currency);
        if (cart.AboveMaxTotal)
        {
            errors[TotalError] = s.Format("total_too_large", PageMoney.Format(Money.MaxTotal, page.Currency));
        }

        return cart;
    }

    private static long ReadCustomAmount(OfferLine line, PageContext page, Strings s, Dictionary<string, string> values, Dictionary<string, string> errors)
    {
        var price = line.Price;
        var preset = price.CustomPreset ?? price.CustomMinimum ?? 0;
        var text = values["custom_amount"];
        if (text.Length == 0)
        {
            values["custom_amount"] = Money.Format(preset, page.Currency);
            return preset;
        }

        var validation = new Validation();
        var parsed = Money.ReadText(text, page.Currency, "custom_amount", validation);
        var min = price.CustomMinimum ?? 0;
        var max = price.CustomMaximum ?? Money.MaxUnitMinor(page.Currency);
        if (parsed is not { } amount || amount < min || amount > max)
        {
            errors["custom_amount"] = s.Format("invalid_amount", PageMoney.Format(min, page.Currency), PageMoney.Format(max, page.Currency));
            return preset;
        }

        return amount;
    }

    private static CustomerDetails ReadDetails(PageContext page, Strings s, Dictionary<string, string> values, Dictionary<string, string> errors)
    {
        Required(values, "email", 254, s, errors);
        if (!errors.ContainsKey("email") && !EmailPattern().IsMatch(values["email"]))
        {
            errors["email"] = s["invalid_email"];
        }

        Required(values, "name", 200, s, errors);
        var details = new CustomerDetails { Email = values["email"], Name = values["name"] };
        if (page.Settings.PhoneNumberCollection)
        {
            Required(values, "phone", 30, s, errors);
            if (!errors.ContainsKey("phone") && !PhonePattern().IsMatch(values["phone"]))
            {
                errors["phone"] = s["invalid_phone"];
            }

            details.Phone = values["phone"];
        }

        if (page.Settings.BillingAddressCollection == "required")
        {
            foreach (var name in new[] { "address_country", "address_line1", "address_city", "address_postal_code" })
            {
                Required(values, name, 200, s, errors);
            }

            if (!errors.ContainsKey("address_country") && !Countries.IsKnown(values["address_country"]))
            {
                errors["address_country"] = s["invalid_choice"];
            }

            details.Address = new Address
            {
                Country = values["address_country"],
                Line1 = values["address_line1"],
                Line2 = NullIfEmpty(values["address_line2"]),
                City = values["address_city"],
                State = NullIfEmpty(values["address_state"]),
                PostalCode = values["address_postal_code"],
            };
        }

        return details;
    }

    private static List<CustomField> ReadCustomFields(IFormCollection form, PageContext page, Strings s, Dictionary<string, string> values, Dictionary<string, string> errors)
    {
        var result = new List<CustomField>();
        foreach (var field in page.Settings.CustomFields)
        {
            var name = $"field_{field.Key}";
            var value = form[name].ToString().Trim();
            values[name] = value;
            if (value.Length == 0)
            {
                if (!field.Optional)
                {
                    errors[name] = s["required"];
                }
            }
            else if (field.Type == "dropdown")
            {
                if (field.Dropdown?.Options.Any(o => o.Value == value) != true)
                {
                    errors[name] = s["invalid_choice"];
                }
            }
            else
            {
                var rules = field.Type == "numeric" ? field.Numeric : field.Text;
                if (field.Type == "numeric" && !value.All(char.IsAsciiDigit))
                {
                    errors[name] = s["digits_only"];
                }
                else if (rules?.MinimumLength is { } min && value.Length < min)
                {
                    errors[name] = s.Format("too_short", min);
                }
                else if (value.Length > (rules?.MaximumLength ?? 255))
                {
                    errors[name] = s.Format("too_long", rules?.MaximumLength ?? 255);
                }
            }

            result.Add(new CustomField
            {
                Key = field.Key,
                Label = field.Label,
                Type = field.Type,
                Optional = field.Optional,
                Text = field.Text,
                Numeric = field.Numeric,
                Dropdown = field.Dropdown,
                Value = value.Length == 0 ? null : value,
            });
        }

        return result;
    }

    private static CardInput? ReadCard(IFormCollection form, Strings s, DateTimeOffset now, Dictionary<string, string> errors, string? name)
    {
        var number = new string(form["card_number"].ToString().Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        var expiry = form["card_expiry"].ToString().Trim();
        var cvc = form["card_cvc"].ToString().Trim();
        var month = 0;
        var year = 0;
        if (ExpiryPattern().Match(expiry) is { Success: true } m)
        {
            month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            year = year < 100 ? 2000 + year : year;
        }

        var card = new CardInput(number, month, year, cvc, name);
        if (number.Length == 0)
        {
            errors["card_number"] = s["required"];
        }
        else if (TestCardProcessor.CheckForm(card, now) is { } problem)
        {
            errors[problem.Field] = s[problem.Code];
        }

        return errors.Keys.Any(k => k.StartsWith("card_", StringComparison.Ordinal)) ? null : card;
    }

    private static void Required(Dictionary<string, string> values, string name, int max, Strings s, Dictionary<string, string> errors)
    {
        if (values[name].Length == 0)
        {
            errors[name] = s["required"];
        }
        else if (values[name].Length > max)
        {
            errors[name] = s.Format("too_long", max);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
