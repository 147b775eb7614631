namespace Paylink.Client.Tests;

/// <summary>The seed's payment link examples through the SDK against the in-process server.</summary>
[Collection(ServerCollection.Name)]
public sealed class PaymentLinkFlowTests(PaylinkServer server)
{
    [Fact]
    public async Task Create_returns_the_seed_response_fields_and_defaults()
    {
        using var payment = server.CreatePaymentClient();
        var price = await Seed.PriceAsync(payment);

        PaymentLink link = await payment.PaymentLinks.CreateAsync(new PaymentLinkCreateOptions
        {
            Name = "Monthly Subscription Box",
            CurrencyId = "usd",
            LineItems = [new() { PriceId = price.Id, Quantity = 1 }],
            AfterCompletion = new() { Type = "redirect", Redirect = new() { Url = "https://example.com/thanks" } },
            Metadata = new() { ["order_id"] = "6735" },
        });

        Assert.StartsWith("pl_", link.Id, StringComparison.Ordinal);
        Assert.Equal("payment_link", link.Object);
        Assert.True(link.Active);
        Assert.False(link.Livemode);
        Assert.Equal("Monthly Subscription Box", link.Name);
        Assert.EndsWith("/checkout/pay/" + link.Id, link.Url, StringComparison.Ordinal);
        var item = Assert.Single(link.LineItems);
        Assert.Equal(price.Id, item.PriceId);
        Assert.Equal(1, item.Quantity);
        Assert.Null(item.Price);
        Assert.Equal("usd", link.CurrencyId);
        Assert.Equal("redirect", link.AfterCompletion.Type);
        Assert.Equal("https://example.com/thanks", link.AfterCompletion.Redirect?.Url);
        Assert.False(link.AllowPromotionCodes);
        Assert.Empty(link.CustomFields);
        Assert.Equal("if_required", link.CustomerCreation);
        Assert.Equal("auto", link.BillingAddressCollection);
        Assert.False(link.PhoneNumberCollection.Enabled);
        Assert.Equal("none", link.ConsentCollection.TermsOfService);
        Assert.Equal("auto", link.SubmitType);
        Assert.Equal("6735", (string?)link.Metadata["order_id"]);
        Assert.Null(link.InactiveMessage);
        Assert.Null(link.LookupKey);
        Assert.Equal("api", link.CreatedVia);
        Assert.Equal(DateTimeKind.Utc, link.CreatedAt.Kind);
        Assert.InRange(link.CreatedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Retrieve_update_archive_and_list_follow_the_seed()
    {
        using var payment = server.CreatePaymentClient();
        var price = await Seed.PriceAsync(payment);
        var created = await payment.PaymentLinks.CreateAsync(new PaymentLinkCreateOptions
        {
            Name = "Monthly Subscription Box",
            CurrencyId = "usd",
            LineItems = [new() { PriceId = price.Id, Quantity = 1 }],
            Metadata = new() { ["order_id"] = "6735" },
        });

        var link = await payment.PaymentLinks.RetrieveAsync(created.Id);
        Assert.Equal(created.Id, link.Id);
        var expanded = Assert.Single(link.LineItems).Price;
        Assert.NotNull(expanded);
        Assert.Equal(price.Id, expanded.Id);
        Assert.Equal("20.00", expanded.UnitAmount);
        Assert.Equal(price.ProductId, expanded.Product?.Id);
        Assert.Equal("Subscription Box", expanded.Product?.Name);
        Assert.Equal("usd", expanded.Currency?.Id);
        Assert.Equal(2, expanded.Currency?.Decimal);

        link = await payment.PaymentLinks.UpdateAsync(link.Id, new PaymentLinkUpdateOptions { Active = false, Metadata = new() { ["order_id"] = "6735-updated" } });
        Assert.False(link.Active);
        Assert.Equal("6735-updated", (string?)link.Metadata["order_id"]);
        Assert.Equal("Monthly Subscription Box", link.Name);

        link = await payment.PaymentLinks.UpdateAsync(link.Id, new PaymentLinkUpdateOptions { Active = true });
        link = await payment.PaymentLinks.ArchiveAsync(link.Id);
        Assert.False(link.Active);
        link = await payment.PaymentLinks.ArchiveAsync(link.Id);
        Assert.False(link.Active);
        Assert.False((await payment.PaymentLinks.RetrieveAsync(link.Id)).Active);
    }

    [Fact]
    public async Task List_pages_with_a_count_of_every_match()
    {
        using var payment = server.CreatePaymentClient();
        var price = await Seed.PriceAsync(payment);
        var tag = Seed.Tag("list");
        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add((await payment.PaymentLinks.CreateAsync(Seed.Link(price.Id, $"{tag} {i}"))).Id);
        }

        PagedList<PaymentLink> page = await payment.PaymentLinks.ListAsync(new PaymentLinkListOptions { PageSize = 5, Q = tag });
        Assert.Equal(6, page.Count);
        Assert.Equal(5, page.List.Count);
        Assert.True(page.HasMore);
        Assert.Equal(5, page.Paging.PageSize);
        Assert.Equal(ids.AsEnumerable().Reverse().Take(5), page.List.Select(l => l.Id));

        var rest = await payment.PaymentLinks.ListAsync(new PaymentLinkListOptions { PageSize = 5, Q = tag, StartingAfter = page.List[^1].Id });
        Assert.Equal(ids[0], Assert.Single(rest.List).Id);
        Assert.False(rest.HasMore);

        var all = await payment.PaymentLinks.ListAsync(new PaymentLinkListOptions { PageSize = 5 });
        Assert.True(all.Count >= 6);
        Assert.Equal(5, all.List.Count);
    }

    [Fact]
    public async Task Products_prices_and_currencies_are_reachable()
    {
        using var payment = server.CreatePaymentClient();
        var usd = await payment.PaymentCurrencies.RetrieveAsync("usd");
        Assert.Equal(2, usd.Decimal);
        var jpy = await payment.PaymentCurrencies.ListAutoPagingAsync(new PaymentCurrencyListOptions { PageSize = 2 }).FirstAsync(c => c.Id == "jpy");
        Assert.Equal(0, jpy.Decimal);

        var product = await payment.Products.CreateAsync(new ProductCreateOptions { Name = Seed.Tag("product"), Metadata = new() { ["sku"] = "A1" } });
        var price = await payment.Prices.CreateAsync(new PriceCreateOptions { ProductId = product.Id, CurrencyId = "JPY", UnitAmount = "1500" });
        Assert.Equal("jpy", price.CurrencyId);
        Assert.Equal("1500", price.UnitAmount);

        price = await payment.Prices.UpdateAsync(price.Id, new PriceUpdateOptions { Nickname = "Launch", QuantityAvailable = 10 });
        Assert.Equal("Launch", price.Nickname);
        Assert.Equal(10, price.QuantityAvailable);
        price = await payment.Prices.UpdateAsync(price.Id, new PriceUpdateOptions { QuantityAvailable = null });
        Assert.Null(price.QuantityAvailable);
        Assert.Equal("Launch", price.Nickname);

        var listed = await payment.Prices.ListAsync(new PriceListOptions { ProductId = product.Id });
        Assert.Equal(price.Id, Assert.Single(listed.List).Id);

        product = await payment.Products.UpdateAsync(product.Id, new ProductUpdateOptions { Description = "Boxes", Metadata = new() { ["sku"] = null } });
        Assert.Equal("Boxes", product.Description);
        Assert.Empty(product.Metadata);
        Assert.Equal(price.Id, Assert.Single((await payment.Products.RetrieveAsync(product.Id)).Prices!).Id);
        Assert.False((await payment.Prices.ArchiveAsync(price.Id)).Active);
        Assert.False((await payment.Products.ArchiveAsync(product.Id)).Active);
        var deleted = await payment.Products.DeleteAsync(product.Id);
        Assert.True(deleted.Deleted);
        Assert.Equal(404, (await Assert.ThrowsAsync<PaylinkException>(() => payment.Products.RetrieveAsync(product.Id))).StatusCode);
    }
}
