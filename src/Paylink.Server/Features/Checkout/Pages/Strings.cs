using System.Collections.Frozen;
using Microsoft.AspNetCore.Http.Features;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>The payment page's words in English and Simplified Chinese.</summary>
public sealed class Strings
{
    private static readonly FrozenDictionary<string, string> En = new Dictionary<string, string>
    {
        ["title"] = "Checkout",
        ["test_mode"] = "Test mode — no real money moves. Pay with 4242 4242 4242 4242.",
        ["pay_to"] = "Pay {0}",
        ["support"] = "Questions? {0}",
        ["items"] = "Your order",
        ["quantity"] = "Quantity",
        ["update_total"] = "Update total",
        ["each"] = "{0} each",
        ["amount"] = "Amount",
        ["amount_range"] = "Between {0} and {1}",
        ["subtotal"] = "Subtotal",
        ["discount"] = "Discount",
        ["total"] = "Total",
        ["contact"] = "Contact information",
        ["email"] = "Email",
        ["name"] = "Full name",
        ["phone"] = "Phone number",
        ["billing"] = "Billing address",
        ["country"] = "Country",
        ["line1"] = "Address line 1",
        ["line2"] = "Address line 2 (optional)",
        ["city"] = "City",
        ["state"] = "State / province (optional)",
        ["postal_code"] = "Postal code",
        ["optional"] = "(optional)",
        ["choose"] = "Choose…",
        ["terms"] = "I agree to the terms of service",
        ["terms_link"] = "Read the terms",
        ["promo"] = "Promotion code",
        ["apply"] = "Apply",
        ["discount_code"] = "Discount ({0})",
        ["promo_applied"] = "Code {0} applied.",
        ["promo_unknown"] = "This code does not exist. Check the spelling and try again.",
        ["promo_inactive"] = "This code is no longer active.",
        ["promo_expired"] = "This code has expired.",
        ["promo_used_up"] = "This code has been used the maximum number of times.",
        ["promo_minimum"] = "This code needs an order of at least {0} before discount.",
        ["promo_products"] = "This code does not apply to the items in your order.",
        ["promo_first_time"] = "This code is only for a first purchase, and this email address has bought before.",
        ["promo_currency"] = "This code cannot be used for payments in {0}.",
        ["promo_not_allowed"] = "Promotion codes cannot be used on this page.",
        ["not_charged"] = "You have not been charged.",
        ["payment"] = "Payment",
        ["card_number"] = "Card number",
        ["card_expiry"] = "Expiry (MM/YY)",
        ["card_cvc"] = "CVC",
        ["card_name"] = "Name on card (optional)",
        ["pay"] = "Pay {0}",
        ["book"] = "Book",
        ["donate"] = "Donate",
        ["no_payment"] = "Complete order",
        ["required"] = "This field is required.",
        ["invalid_email"] = "Enter a valid email address.",
        ["invalid_phone"] = "Enter a valid phone number.",
        ["invalid_quantity"] = "Choose a quantity between {0} and {1}.",
        ["nothing_chosen"] = "Choose at least one item.",
        ["total_too_large"] = "This order comes to more than {0}, the most one payment can be. Choose a smaller quantity or amount.",
        ["invalid_amount"] = "Enter an amount between {0} and {1}.",
        ["too_short"] = "Enter at least {0} characters.",
        ["too_long"] = "Enter at most {0} characters.",
        ["digits_only"] = "Enter digits only.",
        ["invalid_choice"] = "Choose one of the options.",
        ["terms_required"] = "Accept the terms of service to continue.",
        ["incorrect_number"] = "Your card number is incorrect.",
        ["invalid_expiry"] = "Your card's expiry date is invalid or in the past.",
        ["invalid_cvc"] = "Your card's security code is invalid.",
        ["card_declined"] = "Your card was declined.",
        ["insufficient_funds"] = "Your card has insufficient funds.",
        ["expired_card"] = "Your card has expired.",
        ["incorrect_cvc"] = "Your card's security code is incorrect.",
        ["test_mode_live_card"] = "Your card was declined: this is test mode, so use a test card such as 4242 4242 4242 4242.",
        ["fix_errors"] = "Please correct the highlighted fields.",
        ["sold_out"] = "Sold out",
        ["sold_out_text"] = "Sorry, this is sold out. You have not been charged.",
        ["inactive"] = "This link is no longer available",
        ["inactive_text"] = "The seller has stopped accepting payments through this link.",
        ["not_found"] = "Page not found",
        ["not_found_text"] = "This payment page does not exist. Check the link you were given.",
        ["expired"] = "This checkout has expired",
        ["expired_text"] = "This checkout session expired before it was paid. You have not been charged. Start again from the seller's link.",
        ["unavailable"] = "Payments unavailable",
        ["unavailable_text"] = "This seller cannot take payments yet. You have not been charged.",
        ["changed"] = "The seller changed this page since you opened it. Please review it and submit again; you have not been charged.",
        ["stale_form"] = "This form expired. Please review it and submit again; you have not been charged.",
        ["in_progress"] = "Your payment is being processed",
        ["in_progress_text"] = "We are still waiting for your card's answer. Reload this page in a moment; you will not be charged twice.",
        ["thanks"] = "Thank you!",
        ["thanks_text"] = "Your payment went through.",
        ["paid"] = "Paid",
        ["card_ending"] = "Card ending in {0}",
        ["receipt_to"] = "A confirmation was recorded for {0}.",
        ["bad_form"] = "Your form could not be checked",
        ["bad_form_text"] = "The form's security token is missing or expired. Go back, reload the page and try again.",
        ["malformed_form"] = "Your form could not be read",
        ["malformed_form_text"] = "What this page received is not a form it can read. Go back, reload the page and try again. You have not been charged.",
        ["rate_limited"] = "Too many attempts",
        ["rate_limited_text"] = "This page has been sent too often from your connection. Try again in {0} seconds. You have not been charged.",
        ["address_too_long"] = "This web address is too long",
        ["address_too_long_text"] = "The address you opened is longer than this page accepts. Open the seller's link again.",
        ["language"] = "中文",
        ["cancel"] = "Cancel and go back",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> Zh = new Dictionary<string, string>
    {
        ["title"] = "结账",
        ["test_mode"] = "测试模式 — 不会产生真实扣款。请使用 4242 4242 4242 4242 付款。",
        ["pay_to"] = "向 {0} 付款",
        ["support"] = "有疑问?{0}",
        ["items"] = "您的订单",
        ["quantity"] = "数量",
        ["update_total"] = "更新总额",
        ["each"] = "单价 {0}",
        ["amount"] = "金额",
        ["amount_range"] = "介于 {0} 和 {1} 之间",
        ["subtotal"] = "小计",
        ["discount"] = "折扣",
        ["total"] = "总计",
        ["contact"] = "联系信息",
        ["email"] = "电子邮箱",
        ["name"] = "姓名",
        ["phone"] = "电话号码",
        ["billing"] = "账单地址",
        ["country"] = "国家/地区",
        ["line1"] = "地址第一行",
        ["line2"] = "地址第二行(选填)",
        ["city"] = "城市",
        ["state"] = "省/州(选填)",
        ["postal_code"] = "邮政编码",
        ["optional"] = "(选填)",
        ["choose"] = "请选择…",
        ["terms"] = "我同意服务条款",
        ["terms_link"] = "阅读条款",
        ["promo"] = "优惠码",
        ["apply"] = "使用",
        ["discount_code"] = "折扣({0})",
        ["promo_applied"] = "已使用优惠码 {0}。",
        ["promo_unknown"] = "此优惠码不存在,请检查拼写后重试。",
        ["promo_inactive"] = "此优惠码已停用。",
        ["promo_expired"] = "此优惠码已过期。",
        ["promo_used_up"] = "此优惠码的使用次数已达上限。",
        ["promo_minimum"] = "订单折前金额满 {0} 才能使用此优惠码。",
        ["promo_products"] = "此优惠码不适用于您订单中的商品。",
        ["promo_first_time"] = "此优惠码仅限首次购买,该邮箱已有购买记录。",
        ["promo_currency"] = "此优惠码不能用于以 {0} 付款的订单。",
        ["promo_not_allowed"] = "此页面不能使用优惠码。",
        ["not_charged"] = "您没有被扣款。",
        ["payment"] = "付款方式",
        ["card_number"] = "卡号",
        ["card_expiry"] = "有效期(MM/YY)",
        ["card_cvc"] = "安全码",
        ["card_name"] = "持卡人姓名(选填)",
        ["pay"] = "支付 {0}",
        ["book"] = "预订",
        ["donate"] = "捐赠",
        ["no_payment"] = "完成订单",
        ["required"] = "此项为必填项。",
        ["invalid_email"] = "请输入有效的电子邮箱。",
        ["invalid_phone"] = "请输入有效的电话号码。",
        ["invalid_quantity"] = "请选择 {0} 到 {1} 之间的数量。",
        ["nothing_chosen"] = "请至少选择一件商品。",
        ["total_too_large"] = "订单总额超过单笔付款的上限 {0}。请减少数量或金额。",
        ["invalid_amount"] = "请输入 {0} 到 {1} 之间的金额。",
        ["too_short"] = "请至少输入 {0} 个字符。",
        ["too_long"] = "最多输入 {0} 个字符。",
        ["digits_only"] = "只能输入数字。",
        ["invalid_choice"] = "请选择一个选项。",
        ["terms_required"] = "请先同意服务条款。",
        ["incorrect_number"] = "卡号不正确。",
        ["invalid_expiry"] = "卡的有效期无效或已过期。",
        ["invalid_cvc"] = "安全码无效。",
        ["card_declined"] = "您的卡被拒绝。",
        ["insufficient_funds"] = "您的卡余额不足。",
        ["expired_card"] = "您的卡已过期。",
        ["incorrect_cvc"] = "安全码不正确。",
        ["test_mode_live_card"] = "您的卡被拒绝:当前为测试模式,请使用测试卡,例如 4242 4242 4242 4242。",
        ["fix_errors"] = "请更正标出的字段。",
        ["sold_out"] = "已售罄",
        ["sold_out_text"] = "抱歉,已售罄。您没有被扣款。",
        ["inactive"] = "此链接已停用",
        ["inactive_text"] = "卖家已停止通过此链接收款。",
        ["not_found"] = "页面不存在",
        ["not_found_text"] = "此付款页面不存在,请检查您收到的链接。",
        ["expired"] = "此结账已过期",
        ["expired_text"] = "此结账会话在付款前已过期,您没有被扣款。请从卖家的链接重新开始。",
        ["unavailable"] = "暂不能付款",
        ["unavailable_text"] = "该卖家暂时无法收款,您没有被扣款。",
        ["changed"] = "卖家在您打开后修改了此页面。请核对后重新提交;您没有被扣款。",
        ["stale_form"] = "此表单已过期。请核对后重新提交;您没有被扣款。",
        ["in_progress"] = "正在处理您的付款",
        ["in_progress_text"] = "我们仍在等待发卡行的答复。请稍后刷新本页;不会重复扣款。",
        ["thanks"] = "谢谢!",
        ["thanks_text"] = "您的付款已成功。",
        ["paid"] = "已付",
        ["card_ending"] = "尾号为 {0} 的卡",
        ["receipt_to"] = "确认信息已记录到 {0}。",
        ["bad_form"] = "无法验证您的表单",
        ["bad_form_text"] = "表单的安全令牌缺失或已过期。请返回、刷新页面后重试。",
        ["malformed_form"] = "无法读取您的表单",
        ["malformed_form_text"] = "本页面收到的内容不是可以读取的表单。请返回、刷新页面后重试。您没有被扣款。",
        ["rate_limited"] = "尝试次数过多",
        ["rate_limited_text"] = "您的网络连接提交本页面过于频繁。请在 {0} 秒后重试。您没有被扣款。",
        ["address_too_long"] = "网址过长",
        ["address_too_long_text"] = "您打开的网址超出了本页面可接受的长度。请重新打开卖家的链接。",
        ["language"] = "English",
        ["cancel"] = "取消并返回",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, string> _words;

    private Strings(string locale, FrozenDictionary<string, string> words)
    {
        Locale = locale;
        _words = words;
    }

    public static Strings English { get; } = new("en", En);

    public static Strings Chinese { get; } = new("zh", Zh);

    public string Locale { get; }

    public string this[string key] => _words.TryGetValue(key, out var text) ? text : En.GetValueOrDefault(key, key);

    public string Format(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    /// <summary>
    /// The page language: <c>locale</c> (en, zh) from the address or the posted form if given, else the first
    /// supported language of <c>Accept-Language</c>.
    /// </summary>
    public static Strings For(HttpRequest request)
    {
        var asked = request.Query["locale"].ToString();
        // Only a form already read counts: a body that could not be read as one has no language to give.
        if (asked.Length == 0 && request.HttpContext.Features.Get<IFormFeature>()?.Form is { } form)
        {
            asked = form["locale"].ToString();
        }

        if (asked.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return Chinese;
        }

        if (asked.StartsWith("en", StringComparison.OrdinalIgnoreCase))
        {
            return English;
        }

        foreach (var language in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.ToString();
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Chinese;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return English;
    }
}
