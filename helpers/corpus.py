"""A small labelled text corpus that ships with the course: messages to RiskNet's support team.

RiskNet's customers write short messages through the app and by e-mail. Each message in
:data:`CUSTOMER_MESSAGES` was written for the course (no real customer data) and carries
the *intent* a support agent would route it by, one of :data:`INTENTS`:

``hardship``
    The customer cannot make a payment and asks for a deferral, a lower instalment or a
    payment plan.
``payoff``
    The customer wants to repay early, pay extra, or asks for a payoff figure.
``fraud``
    The customer reports a loan, a charge or a contact they did not make: identity theft,
    phishing, a stolen card.
``update_details``
    The customer changes an address, a phone number, a name, an e-mail or the bank
    account that payments come from.
``application_status``
    The customer asks where an application stands, which documents are missing, or when
    the money arrives.

There are 50 messages per intent, 250 in all: enough to train a small classifier, few
enough that data augmentation can matter. The texts are plain ASCII, one to three
sentences each, and no message appears twice.

Examples
--------
>>> from helpers.corpus import CUSTOMER_MESSAGES, INTENTS, load_customer_messages
>>> len(CUSTOMER_MESSAGES), INTENTS[0]
(250, 'hardship')
>>> messages = load_customer_messages()
>>> messages.shape
(250, 2)
>>> messages["intent"].value_counts().tolist()
[50, 50, 50, 50, 50]
"""

from __future__ import annotations

import pandas as pd

__all__ = ["CUSTOMER_MESSAGES", "INTENTS", "load_customer_messages"]

#: The five intents, in the order used for the categorical ``intent`` column.
INTENTS: tuple[str, ...] = (
    "hardship",
    "payoff",
    "fraud",
    "update_details",
    "application_status",
)

_HARDSHIP = (
    "I lost my job last week and I will not be able to make this month's payment.",
    "Can I skip one payment? My hours were cut and money is very tight right now.",
    "I was in hospital for two weeks and missed my instalment, please do not report me.",
    "My wife and I separated and I now pay the rent alone. Is there a smaller monthly plan?",
    "Is it possible to defer my loan payments for three months while I look for work?",
    "The payment bounced because my salary came late. Please waive the late fee this once.",
    "I am struggling to keep up with my repayments since the company closed my branch.",
    "Could you lower my monthly instalment? I can pay something but not the full amount.",
    "My small shop had a terrible season and I cannot cover the loan payment this month.",
    "I had an emergency surgery and all my savings went on it. I need more time to pay.",
    "Please call me about a hardship plan, I am behind on two payments already.",
    "I was laid off on Friday. What options do I have for the loan until I find a new job?",
    "I am on unpaid leave after my baby was born. Can the payments be paused?",
    "Due to a family death I had to travel and now I am short for the next payment.",
    "My car broke down and the repair took my whole pay cheque. Can I pay half now?",
    "I can only afford about 150 dollars a month at the moment. Can we set up a plan?",
    "Because of medical bills I fell behind and the late fees keep growing.",
    "I want to keep paying but I need a break of one month. Who can approve that?",
    "My income dropped a lot after my contract ended, can the loan term be extended?",
    "The flood damaged our house and all our money goes into repairs right now.",
    "I am a seasonal worker and have no income in winter. Can I pay more in summer instead?",
    "Please stop the automatic debit this month, there is not enough in my account.",
    "I got a letter about arrears. I am unemployed and really cannot pay at the moment.",
    "My husband was the main earner and he passed away. I do not know how to pay this loan.",
    "Is there any hardship program? I have three kids and my benefits were cut.",
    "I missed the due date because I was sick. I can pay next Friday, is that ok?",
    "Can you move my payment date to the end of the month when my pension arrives?",
    "I have too many debts and cannot manage the instalments. I need help with a plan.",
    "My business partner left with the money and I cannot pay the loan for now.",
    "Please give me two more weeks, my employer is late with the salaries.",
    "I am recovering from an accident and cannot work for a few months.",
    "The interest is too much for me now that I am on half pay. Any relief possible?",
    "Would you accept reduced payments for six months while I retrain for a new job?",
    "I was furloughed and my income is 60 percent of what it was. Please help.",
    "I need to talk to someone about falling behind, I do not want to default.",
    "My rent went up and I cannot pay both. Could the loan payment be smaller for a while?",
    "I got divorced and lost half of the household income. What can be done with my loan?",
    "I am out of work because of an injury and my savings are gone.",
    "Can you freeze the interest for a few months? I am trying hard to catch up.",
    "The direct debit failed twice. I am between jobs and will pay when I can.",
    "My crops failed this year and the farm income is almost zero.",
    "I cannot pay this month because I had to pay for my mother's funeral.",
    "Is it possible to extend the loan by a year so that the monthly amount goes down?",
    "After the layoffs at the factory I have no stable income. Please advise.",
    "I will be late with the payment, my unemployment benefit has not started yet.",
    "Please do not send this to collections, I am in financial difficulty and want a plan.",
    "I have been unwell for months and cannot keep up with the loan.",
    "Our second child needs special care and I had to stop working.",
    "I can pay the interest only for the next three months, would that be acceptable?",
    "The fees from the missed payment are making things worse, can they be removed?",
)

_PAYOFF = (
    "I would like to pay off my loan in full next month. What is the exact amount?",
    "Can you send me a payoff quote valid until the 30th?",
    "Is there a penalty for early repayment?",
    "I got a bonus and want to put 2000 dollars toward the principal.",
    "How do I make an extra payment that goes to the principal and not the interest?",
    "Please tell me the remaining balance so I can close the loan.",
    "I sold my car and want to repay the loan early. How do I do it?",
    "If I pay everything off today, how much interest do I save?",
    "Can I increase my monthly payment to finish the loan sooner?",
    "What is the settlement figure for my loan as of today?",
    "I want to make a lump sum payment of 5000. Will my term get shorter?",
    "How do I get a letter confirming the loan is fully paid?",
    "I paid the final instalment yesterday. When will the account show as closed?",
    "Is it possible to pay the whole balance by bank transfer instead of card?",
    "Please send the payoff amount and the account number for the transfer.",
    "My tax refund arrived and I want to pay down part of the loan.",
    "Do extra payments reduce the instalment or the number of months?",
    "I am refinancing with my bank and they need a payoff statement from you.",
    "Can I pay two instalments at once this month to get ahead?",
    "How much would I owe if I closed the loan at the end of this week?",
    "I inherited some money and would like to clear my debt with you completely.",
    "Will paying early hurt my credit score or help it?",
    "I want to round up every payment to 400 dollars. Is that allowed?",
    "What is the daily interest amount so I can work out the payoff myself?",
    "Please confirm that my overpayment went to the principal.",
    "I would like to close my loan early, there is no need for it anymore.",
    "Can I make a partial prepayment online or do I need to call?",
    "After my last payment there is a small balance left. Can you tell me the amount?",
    "I plan to pay off the rest of the loan when my house sale completes.",
    "Is the early repayment fee the same for a partial and a full payoff?",
    "I have enough saved to repay it all now. What are the steps?",
    "Please recalculate my schedule after the extra payment I made on Monday.",
    "How can I get a statement showing a zero balance after I pay it off?",
    "Can I pay off the loan with a cheque or only electronically?",
    "I want to end my loan early and save on interest. Who should I contact?",
    "My employer gave me a retention bonus, I would like to use it to repay you.",
    "Is there a discount if I settle the full amount early?",
    "What happens to the insurance premium if I repay the loan ahead of schedule?",
    "I accidentally paid twice this month. Can the extra go to principal?",
    "Please give me the total needed to clear the loan on the first of next month.",
    "I want to switch to biweekly payments to pay the loan off faster.",
    "Can I send an extra 100 every month on top of the normal payment?",
    "How long will the loan last if I pay 50 percent more each month?",
    "I am moving abroad and want to close every account, including this loan.",
    "The payoff figure in the app looks different from my statement. Which one is right?",
    "I made a big payment last week, why is my next instalment still the same?",
    "I would like to settle the loan in one payment before the end of the year.",
    "Could you email me the final payment amount including any fees?",
    "If I repay early, do I get back part of the origination fee?",
    "Please close my loan account once the last transfer clears.",
)

_FRAUD = (
    "I received a loan approval email but I never applied for a loan with you.",
    "Someone used my identity to open a loan in my name. What should I do?",
    "There is a loan on my credit report from your company that is not mine.",
    "I got a text asking for my password and account number. Is this really from you?",
    "My wallet was stolen and now I see an application I did not make.",
    "A man called saying he was from your bank and asked for my card PIN.",
    "There is a payment from my account to you that I did not authorise.",
    "I think my online account was hacked, the email address was changed without me.",
    "Please block my account immediately, my phone was stolen with the app logged in.",
    "I received a letter about a loan for 15000 dollars that I know nothing about.",
    "Somebody opened a loan with my social security number. I want to report identity theft.",
    "I clicked a link in a fake email and entered my login details. Please help.",
    "The debt collector says I owe you money but I never borrowed anything.",
    "A website that looks like yours asked me to pay a fee to get my loan. Is it a scam?",
    "My elderly father got a call offering a loan if he pays 300 up front. Is this you?",
    "There are two loan applications in my name from a city I have never lived in.",
    "My card was charged by you three times today and I made no purchase.",
    "Someone changed the bank account on my loan and my refund went to a stranger.",
    "I want to freeze my profile, I believe my personal data was leaked.",
    "I got a verification code I did not request. Is someone trying to log in?",
    "The loan deposit went into an account that is not mine. This is fraud.",
    "A person on social media said they work for you and can approve loans for a fee.",
    "My ex-partner took out a loan using my documents without my consent.",
    "Please investigate, a loan was opened with a copy of my stolen passport.",
    "I never signed this loan agreement, the signature is not mine.",
    "I received a call from a number claiming to be your fraud team asking for codes.",
    "There is an unknown device logged into my account from another country.",
    "Someone is using my email to apply for credit with several lenders including you.",
    "I see a hard inquiry from your company on my credit file that I did not allow.",
    "An email said my loan will be cancelled unless I confirm my card details. Fake?",
    "I think my identity was stolen, I want every application in my name blocked.",
    "A stranger knew my loan number and my address when he called. How?",
    "Please report to the police, money was taken from me by someone pretending to be you.",
    "My teenage son used my details to apply for a loan. I did not agree to this.",
    "There is a withdrawal on my statement labelled with your name that I do not recognise.",
    "Someone filled out an application with my name but a different phone number.",
    "I got a package of loan documents for a person I do not know at my address.",
    "The app shows a new loan this morning. I did not request it.",
    "An agent asked me to install remote access software to fix my account. Was it you?",
    "I need to dispute a loan that was opened fraudulently last month.",
    "My password was reset but I did not ask for it. Please lock my account.",
    "A fake invoice with your logo asked me to pay into a private account.",
    "Someone is pretending to be me and calling your support line.",
    "My credit monitoring alerted me to a new loan with you. It was not me.",
    "I was told to buy gift cards to pay my loan fee. That sounds like a scam.",
    "An unknown person added a second phone number to my profile.",
    "I want to know who applied for credit using my date of birth and address.",
    "The security questions on my account were changed by someone else.",
    "Please cancel the loan taken in my name, my documents were stolen last week.",
    "I gave my login to a caller who said he was from your IT team. Now I am worried.",
)

_UPDATE = (
    "I moved house. Please update my address to 14 Baker Street, Springfield.",
    "I have a new phone number, how do I change it on my account?",
    "Please change the bank account my payments are taken from.",
    "I got married and my surname changed. What documents do you need?",
    "My email address will stop working next month, please use my new one.",
    "Can I change the payment date from the 5th to the 20th?",
    "How do I update my employer details in the app?",
    "Please send all letters to my new postal address from now on.",
    "I want to switch the direct debit to my savings account.",
    "My card expired and I have a new one. How do I add it for payments?",
    "I would like to receive statements by email instead of paper.",
    "Please correct the spelling of my first name on the loan documents.",
    "I changed jobs, do I need to tell you my new income?",
    "My mobile number changed, texts are going to my old phone.",
    "Can you update my mailing address? I no longer live at the old flat.",
    "I want to add my wife as a second contact on the account.",
    "How can I change the language of the app and the emails to Spanish?",
    "Please remove my old phone number from the profile.",
    "I moved to another state. Does that change anything on my loan, and how do I update it?",
    "Please update my account with my new work email address.",
    "I need to change the account holder name after my divorce.",
    "Can I set a different bank for the monthly debit starting next month?",
    "My address in your system has the wrong postcode. Please fix it.",
    "I would like to stop paper statements and use the app only.",
    "How do I change my password and security questions?",
    "Please update my contact preferences, I prefer phone calls to emails.",
    "My new address is 7 Elm Road. The old one is still on my statements.",
    "I switched banks. Here are the new account details for the payments.",
    "Can you change my registered email? I lost access to the old account.",
    "My name on the account is missing my middle name, please add it.",
    "I need to update my residency status after getting my permanent visa.",
    "Please update my employment status, I am now self employed.",
    "Can I change the card used for payments without calling you?",
    "I want to receive payment reminders by text message, how do I turn that on?",
    "We moved abroad for a year. Which address should I give you for letters?",
    "Please update my date of birth, it is recorded wrongly in your system.",
    "My company was renamed, please update the employer name on file.",
    "How do I change my username for online banking?",
    "Could you change the second contact on my account to my brother?",
    "I have a new landline number, please add it to my profile.",
    "My old bank account is closing on Friday. Please take payments from the new one.",
    "Please update my billing address for the card you charge.",
    "Can I get my statements sent to my accountant as well?",
    "I changed my legal name, I can send the deed poll.",
    "Please note my new apartment number, the building is the same.",
    "I want the payments to come from my joint account instead of my personal one.",
    "How do I update my ID document? My passport was renewed.",
    "Please change my preferred contact time to evenings.",
    "My email has a typo in your records, it should end with dot org.",
    "I would like to turn off marketing emails but keep account notices.",
)

_STATUS = (
    "I applied for a loan three days ago. When will I hear back?",
    "What is the status of my application? It still says pending.",
    "Which documents are still missing from my application?",
    "I uploaded my payslips yesterday. Did you receive them?",
    "My loan was approved. When will the money be in my account?",
    "How long does the credit check usually take?",
    "Do you need a bank statement or is a payslip enough for the application?",
    "I got an email saying my application needs more information. What do you need?",
    "Why was my application declined? Can I apply again?",
    "The app shows approved but I have not received the funds yet.",
    "Can I still change the amount I asked for before the loan is approved?",
    "Is my application under review or has it been rejected?",
    "I submitted everything last week and nobody has contacted me.",
    "How will I know if my loan is approved, by email or text?",
    "Do you need proof of address for my application, and in what format?",
    "Can I speed up the decision? I need the money for a deposit on Friday.",
    "My application number is 48213. Any update on it?",
    "Is the signature on the loan agreement all you need before paying out?",
    "I was told the decision takes 24 hours, it has been four days.",
    "Can I upload my tax return instead of the payslips you asked for?",
    "Has my identity verification gone through?",
    "What happens after I sign the agreement? When does the transfer happen?",
    "My application says conditionally approved. What are the conditions?",
    "I need to know if I qualify before I sign the car contract.",
    "Did my employer confirm my income? You said you would call them.",
    "Can you tell me the interest rate I was approved for?",
    "The upload of my ID keeps failing. Will that delay my application?",
    "Is it normal that my application has been in processing for a week?",
    "When will I get the loan documents to sign?",
    "I applied on the website but never got a confirmation email.",
    "Can I check the progress of my application online?",
    "Do I need a guarantor for the amount I applied for?",
    "What credit score do I need for my application to be approved?",
    "My friend applied after me and already has her money. Why is mine slower?",
    "I made a mistake on my application form, can I still correct it?",
    "Will you let me know which bank details you will pay the loan into?",
    "You asked for a utility bill. Is a phone bill acceptable?",
    "How many working days until the funds arrive after approval?",
    "The status page shows an error when I open my application.",
    "I got approved for less than I asked for. Can you explain why?",
    "Is there anything else I need to do to complete my application?",
    "Can I withdraw my application? I found the money elsewhere.",
    "I received a request for a video call to verify my identity. Is that part of the process?",
    "How soon can I reapply after a declined application?",
    "Will a pending application show on my credit report?",
    "I sent the signed contract by post. Has it arrived?",
    "Is the approval final or can it still change after the checks?",
    "Please confirm you have my proof of income, I emailed it on Tuesday.",
    "The money was supposed to arrive today. Is there a delay?",
    "My application expired before I could sign. Do I need to start again?",
)

#: ``(text, intent)`` pairs, 50 per intent, grouped by intent in the order of INTENTS.
CUSTOMER_MESSAGES: tuple[tuple[str, str], ...] = tuple(
    (text, intent)
    for intent, texts in zip(INTENTS, (_HARDSHIP, _PAYOFF, _FRAUD, _UPDATE, _STATUS), strict=True)
    for text in texts
)


def load_customer_messages() -> pd.DataFrame:
    """Return the customer messages as a table, one row per message.

    Returns
    -------
    pandas.DataFrame
        250 rows, grouped by intent, with columns

        - ``text`` (str): the message;
        - ``intent`` (category): one of :data:`INTENTS`, with the categories in that order.

        A new DataFrame on every call, so changing it changes nothing here.

    Examples
    --------
    >>> from helpers.corpus import load_customer_messages
    >>> messages = load_customer_messages()
    >>> list(messages.columns), list(messages["intent"].cat.categories)[:2]
    (['text', 'intent'], ['hardship', 'payoff'])
    >>> messages.loc[0, "text"][:25]
    'I lost my job last week a'
    """
    texts, intents = zip(*CUSTOMER_MESSAGES, strict=True)
    return pd.DataFrame({
        "text": pd.Series(texts, dtype="str"),
        "intent": pd.Categorical(intents, categories=INTENTS),
    })
