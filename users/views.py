"""Pages that send a code to a phone and take it back: verifying her number, and a new password by phone."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.generic import FormView

from vietnam.phones import format_phone

from .forms import PasswordResetForm, PhoneCodeForm, PhoneSetPasswordForm
from .models import PhoneCode, User
from .ratelimits import PasswordResetLimitMixin
from .verification import CodeRefused, check_code, holder_of, send_code, verify_phone

# The session's keys: the account whose number is being verified and where she goes next; the number a new
# password is asked for.
VERIFYING = "users.verifying_phone"
RESETTING = "users.resetting_by_phone"


def client_ip(request):
    """The address sending is limited by; none for staff, who register a whole class from one office."""
    if request.user.is_authenticated and request.user.is_staff:
        return None
    return request.META.get("REMOTE_ADDR") or None


def ask_to_verify_phone(request, user, then):
    """Send a code to her number; the address of the page that asks for it, which then sends her to `then`.

    For an account or application just saved with a number, which counts once she types the code.
    """
    request.session[VERIFYING] = {"user": user.pk, "then": then}
    try:
        send_code(user.phone, PhoneCode.Purpose.VERIFY, ip=client_ip(request))
    except CodeRefused as refused:
        messages.warning(request, refused.message)
    return reverse("verify-phone")


class PhoneVerificationView(FormView):
    """She types the code sent to her number; it is then hers: it logs her in, and no other account has it.

    The account is the one just registered (the session says), else her own when she is logged in."""

    form_class = PhoneCodeForm
    template_name = "users/verify_phone.html"

    def dispatch(self, request, *args, **kwargs):
        pending = request.session.get(VERIFYING) or {}
        self.account = User._default_manager.filter(pk=pending.get("user")).first() if pending else None
        self.then = pending.get("then") or reverse("customer:profile-view")
        if self.account is None and request.user.is_authenticated:
            self.account = request.user
        if self.account is None or not self.account.phone or self.account.phone_verified_at:
            request.session.pop(VERIFYING, None)
            return redirect(self.then if pending else "/")
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if "send" in request.POST:
            try:
                send_code(self.account.phone, PhoneCode.Purpose.VERIFY, ip=client_ip(request))
            except CodeRefused as refused:
                messages.warning(request, refused.message)
            else:
                messages.info(request, _("A new code is sent to %(phone)s.") % {"phone": self.account.phone_display})
            return redirect("verify-phone")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            check_code(self.account.phone, PhoneCode.Purpose.VERIFY, form.cleaned_data["code"])
            verify_phone(self.account)
        except CodeRefused as refused:
            form.add_error("code", refused.message)
            return self.form_invalid(form)
        self.request.session.pop(VERIFYING, None)
        messages.success(
            self.request, _("Your phone number %(phone)s is verified.") % {"phone": self.account.phone_display}
        )
        return redirect(self.then)

    def get_context_data(self, **kwargs):
        return super().get_context_data(phone=self.account.phone_display, **kwargs)


class PasswordResetView(PasswordResetLimitMixin, auth_views.PasswordResetView):
    """Oscar's "Forgot password?" page: an email address gets Oscar's email, so many an hour from one address
    (SUBMISSION_LIMITS); a mobile number, a code, within the codes' own limits (verification.py)."""

    form_class = PasswordResetForm
    template_name = "oscar/registration/password_reset_form.html"
    success_url = reverse_lazy("password-reset-done")

    def form_valid(self, form):
        if form.phone is None:
            return super().form_valid(form)
        try:
            # Sent only if an account has the number; either way the page says the same.
            send_code(
                form.phone, PhoneCode.Purpose.RESET, ip=client_ip(self.request), deliver=bool(holder_of(form.phone))
            )
        except CodeRefused as refused:
            form.add_error("email", refused.message)
            return self.form_invalid(form)
        self.request.session[RESETTING] = form.phone
        return redirect("password-reset-phone")


class PhonePasswordResetView(FormView):
    """The code sent to her number and a new password: the way in for a seller registered without one."""

    form_class = PhoneSetPasswordForm
    template_name = "users/password_reset_phone.html"
    success_url = reverse_lazy("password-reset-complete")

    def dispatch(self, request, *args, **kwargs):
        self.phone = request.session.get(RESETTING)
        if not self.phone:
            return redirect("password-reset")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "phone": self.phone, "user": holder_of(self.phone)}

    def post(self, request, *args, **kwargs):
        if "send" in request.POST:
            try:
                send_code(
                    self.phone, PhoneCode.Purpose.RESET, ip=client_ip(request), deliver=bool(holder_of(self.phone))
                )
            except CodeRefused as refused:
                messages.warning(request, refused.message)
            else:
                messages.info(request, _("A new code is sent to %(phone)s.") % {"phone": format_phone(self.phone)})
            return redirect("password-reset-phone")
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        form.save()
        self.request.session.pop(RESETTING, None)
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        return super().get_context_data(phone=format_phone(self.phone), **kwargs)
