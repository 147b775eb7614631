using Microsoft.AspNetCore.Http.HttpResults;
using Paylink.Client;
using Paylink.Server.Infrastructure;
using Paylink.Server.Infrastructure.Auth;
using Paylink.Server.Infrastructure.Lists;

namespace Paylink.Server.Features.Currencies;

public static class CurrencyEndpoints
{
    public static void MapCurrencyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/payment-currencies").WithTags("Payment currencies");
        group.MapGet("/", List).WithName("ListPaymentCurrencies").WithSummary("List the currencies payments can be taken in.");
        group.MapGet("/{id}", Retrieve).WithName("RetrievePaymentCurrency").WithSummary("Retrieve a currency by its lower-case ISO 4217 code.");
    }

    private static Ok<PagedList<PaymentCurrency>> List(HttpRequest request, CurrencyCatalog currencies, Caller caller)
    {
        var list = ListRequest.Parse(request.Query, ["created_at", "updated_at", "name"], ["active"]);
        var active = ListRequest.ReadBool(request.Query, "active");
        IEnumerable<Currency> rows = currencies.All.Where(c => active is null || c.Active == active);
        rows = list.OrderField == "name"
            ? (list.Descending ? rows.OrderByDescending(c => c.Name, StringComparer.Ordinal) : rows.OrderBy(c => c.Name, StringComparer.Ordinal))
            : (list.Descending ? rows.OrderByDescending(c => c.Id, StringComparer.Ordinal) : rows.OrderBy(c => c.Id, StringComparer.Ordinal));
        var all = rows.ToList();
        var start = 0;
        if (list.Cursor is { } cursor)
        {
            var at = all.FindIndex(c => c.Id == cursor);
            if (at < 0)
            {
                var param = list.StartingAfter is not null ? "starting_after" : "ending_before";
                throw ApiException.Invalid(param, $"{param} names no currency: '{cursor}'.", "resource_missing");
            }

            start = list.StartingAfter is not null ? at + 1 : Math.Max(0, at - list.PageSize);
            var end = list.StartingAfter is not null ? all.Count : at;
            var slice = all[start..end];
            var pageItems = list.StartingAfter is not null ? slice.Take(list.PageSize).ToList() : slice;
            var more = list.StartingAfter is not null ? slice.Count > list.PageSize : start > 0;
            return TypedResults.Ok(Page(pageItems, all.Count, more, list, caller));
        }

        start = (list.Page - 1) * list.PageSize;
        var items = all.Skip(start).Take(list.PageSize).ToList();
        return TypedResults.Ok(Page(items, all.Count, start + items.Count < all.Count, list, caller));
    }

    private static PagedList<PaymentCurrency> Page(List<Currency> items, int count, bool hasMore, ListRequest list, Caller caller) => new()
    {
        Count = count,
        List = items.Select(c => CurrencyMapping.ToWire(c, caller.Livemode)).ToList(),
        HasMore = hasMore,
        Paging = new Paging { Page = list.Cursor is null ? list.Page : 1, PageSize = list.PageSize },
    };

    private static Ok<PaymentCurrency> Retrieve(string id, CurrencyCatalog currencies, Caller caller) =>
        TypedResults.Ok(CurrencyMapping.ToWire(currencies.Find(id) ?? throw ApiException.Missing("payment currency", id), caller.Livemode));
}
