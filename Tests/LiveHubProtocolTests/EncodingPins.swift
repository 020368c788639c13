/// The pinned encodings `EncodingPinTests` compares with: one per line, the pin's name, a space, then
/// the encoder's output as text. Captured from the encoders as they were before the writer rewrite.
enum EncodingPins {
    static let text = #"""
event.0.conversationStarted.journal {"v":1,"k":"started","c":"c7","s":1,"t":1700000123456,"subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","mode":"text","queue":"general","customer":"customer-1","units":3}
event.0.conversationStarted.wire.staff {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","queueId":"general","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
event.0.conversationStarted.wire.customer {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
event.0.conversationStarted.frame.staff-first.staff {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","queueId":"general","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
event.0.conversationStarted.frame.staff-first.customer {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
event.0.conversationStarted.frame.customer-first.customer {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
event.0.conversationStarted.frame.customer-first.staff {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","queueId":"general","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
event.1.message.journal {"v":1,"k":"message","c":"c7","s":2,"t":1700000123456,"ms":2,"mt":1700000123456,"sender":"alice","role":"agent","text":"line\nbreak","visibility":"internal"}
event.1.message.wire.staff {"type":"message","conversationId":"c7","seq":2,"at":1700000123456,"senderId":"alice","senderRole":"agent","text":"line\nbreak","visibility":"internal"}
event.1.message.wire.customer {"type":"message","conversationId":"c7","seq":2,"at":1700000123456,"senderId":"alice","senderRole":"agent","text":"line\nbreak","visibility":"internal"}
event.1.message.frame.staff-first.staff {"type":"message","conversationId":"c7","seq":2,"at":1700000123456,"senderId":"alice","senderRole":"agent","text":"line\nbreak","visibility":"internal"}
event.1.message.frame.staff-first.customer -
event.1.message.frame.customer-first.customer -
event.1.message.frame.customer-first.staff {"type":"message","conversationId":"c7","seq":2,"at":1700000123456,"senderId":"alice","senderRole":"agent","text":"line\nbreak","visibility":"internal"}
event.2.message.journal {"v":1,"k":"message","c":"c7","s":3,"t":1700000123456,"ms":3,"mt":1700000123456,"sender":"customer-1","role":"customer","text":"hi","visibility":"public","client":"m-1"}
event.2.message.wire.staff {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
event.2.message.wire.customer {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
event.2.message.frame.staff-first.staff {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
event.2.message.frame.staff-first.customer {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
event.2.message.frame.customer-first.customer {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
event.2.message.frame.customer-first.staff {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
event.3.participantJoined.journal {"v":1,"k":"joined","c":"c7","s":4,"t":1700000123456,"user":"alice","role":"agent"}
event.3.participantJoined.wire.staff {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
event.3.participantJoined.wire.customer {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
event.3.participantJoined.frame.staff-first.staff {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
event.3.participantJoined.frame.staff-first.customer {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
event.3.participantJoined.frame.customer-first.customer {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
event.3.participantJoined.frame.customer-first.staff {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
event.4.participantJoined.journal {"v":1,"k":"joined","c":"c7","s":4,"t":1700000123456,"user":"alice","role":"agent","name":"Alice Archer"}
event.4.participantJoined.wire.staff {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent","name":"Alice Archer"}
event.4.participantJoined.wire.customer {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent","name":"Alice Archer"}
event.4.participantJoined.frame.staff-first.staff {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent","name":"Alice Archer"}
event.4.participantJoined.frame.staff-first.customer {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent","name":"Alice Archer"}
event.4.participantJoined.frame.customer-first.customer {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent","name":"Alice Archer"}
event.4.participantJoined.frame.customer-first.staff {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent","name":"Alice Archer"}
event.5.participantAway.journal {"v":1,"k":"away","c":"c7","s":4,"t":1700000123456,"user":"customer-1","role":"customer","name":"Cara Diaz"}
event.5.participantAway.wire.staff {"type":"participant.away","conversationId":"c7","seq":4,"at":1700000123456,"userId":"customer-1","role":"customer","name":"Cara Diaz"}
event.5.participantAway.wire.customer {"type":"participant.away","conversationId":"c7","seq":4,"at":1700000123456,"userId":"customer-1","role":"customer","name":"Cara Diaz"}
event.5.participantAway.frame.staff-first.staff {"type":"participant.away","conversationId":"c7","seq":4,"at":1700000123456,"userId":"customer-1","role":"customer","name":"Cara Diaz"}
event.5.participantAway.frame.staff-first.customer {"type":"participant.away","conversationId":"c7","seq":4,"at":1700000123456,"userId":"customer-1","role":"customer","name":"Cara Diaz"}
event.5.participantAway.frame.customer-first.customer {"type":"participant.away","conversationId":"c7","seq":4,"at":1700000123456,"userId":"customer-1","role":"customer","name":"Cara Diaz"}
event.5.participantAway.frame.customer-first.staff {"type":"participant.away","conversationId":"c7","seq":4,"at":1700000123456,"userId":"customer-1","role":"customer","name":"Cara Diaz"}
event.6.participantBack.journal {"v":1,"k":"back","c":"c7","s":4,"t":1700000123456,"user":"customer-1","role":"customer"}
event.6.participantBack.wire.staff {"type":"participant.back","conversationId":"c7","seq":4,"at":1700000123456,"userId":"customer-1","role":"customer"}
event.6.participantBack.wire.customer {"type":"participant.back","conversationId":"c7","seq":4,"at":1700000123456,"userId":"customer-1","role":"customer"}
event.6.participantBack.frame.staff-first.staff {"type":"participant.back","conversationId":"c7","seq":4,"at":1700000123456,"userId":"customer-1","role":"customer"}
event.6.participantBack.frame.staff-first.customer {"type":"participant.back","conversationId":"c7","seq":4,"at":1700000123456,"userId":"customer-1","role":"customer"}
event.6.participantBack.frame.customer-first.customer {"type":"participant.back","conversationId":"c7","seq":4,"at":1700000123456,"userId":"customer-1","role":"customer"}
event.6.participantBack.frame.customer-first.staff {"type":"participant.back","conversationId":"c7","seq":4,"at":1700000123456,"userId":"customer-1","role":"customer"}
event.7.conversationStarted.journal {"v":1,"k":"started","c":"c8","s":1,"t":1700000123456,"subject":"Named","channel":"livechat","mode":"text","queue":"general","customer":"customer-2","units":1,"name":"Dan Ek"}
event.7.conversationStarted.wire.staff {"type":"conversation.updated","conversationId":"c8","seq":1,"at":1700000123456,"reason":"started","status":"open","queueId":"general","mode":"text","subject":"Named","channel":"livechat","customerId":"customer-2","customerName":"Dan Ek"}
event.7.conversationStarted.wire.customer {"type":"conversation.updated","conversationId":"c8","seq":1,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"Named","channel":"livechat","customerId":"customer-2","customerName":"Dan Ek"}
event.7.conversationStarted.frame.staff-first.staff {"type":"conversation.updated","conversationId":"c8","seq":1,"at":1700000123456,"reason":"started","status":"open","queueId":"general","mode":"text","subject":"Named","channel":"livechat","customerId":"customer-2","customerName":"Dan Ek"}
event.7.conversationStarted.frame.staff-first.customer {"type":"conversation.updated","conversationId":"c8","seq":1,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"Named","channel":"livechat","customerId":"customer-2","customerName":"Dan Ek"}
event.7.conversationStarted.frame.customer-first.customer {"type":"conversation.updated","conversationId":"c8","seq":1,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"Named","channel":"livechat","customerId":"customer-2","customerName":"Dan Ek"}
event.7.conversationStarted.frame.customer-first.staff {"type":"conversation.updated","conversationId":"c8","seq":1,"at":1700000123456,"reason":"started","status":"open","queueId":"general","mode":"text","subject":"Named","channel":"livechat","customerId":"customer-2","customerName":"Dan Ek"}
event.8.message.journal {"v":1,"k":"message","c":"c8","s":2,"t":1700000123456,"ms":2,"mt":1700000123456,"sender":"system","role":"system","text":"Your agent was disconnected.","visibility":"public"}
event.8.message.wire.staff {"type":"message","conversationId":"c8","seq":2,"at":1700000123456,"senderId":"system","senderRole":"system","text":"Your agent was disconnected.","visibility":"public"}
event.8.message.wire.customer {"type":"message","conversationId":"c8","seq":2,"at":1700000123456,"senderId":"system","senderRole":"system","text":"Your agent was disconnected.","visibility":"public"}
event.8.message.frame.staff-first.staff {"type":"message","conversationId":"c8","seq":2,"at":1700000123456,"senderId":"system","senderRole":"system","text":"Your agent was disconnected.","visibility":"public"}
event.8.message.frame.staff-first.customer {"type":"message","conversationId":"c8","seq":2,"at":1700000123456,"senderId":"system","senderRole":"system","text":"Your agent was disconnected.","visibility":"public"}
event.8.message.frame.customer-first.customer {"type":"message","conversationId":"c8","seq":2,"at":1700000123456,"senderId":"system","senderRole":"system","text":"Your agent was disconnected.","visibility":"public"}
event.8.message.frame.customer-first.staff {"type":"message","conversationId":"c8","seq":2,"at":1700000123456,"senderId":"system","senderRole":"system","text":"Your agent was disconnected.","visibility":"public"}
event.9.conversationUpdated.journal {"v":1,"k":"updated","c":"c8","s":3,"t":1700000123456,"status":"open","queue":"general","mode":"text","reason":"agentDisconnected"}
event.9.conversationUpdated.wire.staff {"type":"conversation.updated","conversationId":"c8","seq":3,"at":1700000123456,"reason":"agent-disconnected","status":"open","queueId":"general","mode":"text"}
event.9.conversationUpdated.wire.customer {"type":"conversation.updated","conversationId":"c8","seq":3,"at":1700000123456,"reason":"agent-disconnected","status":"open","mode":"text"}
event.9.conversationUpdated.frame.staff-first.staff {"type":"conversation.updated","conversationId":"c8","seq":3,"at":1700000123456,"reason":"agent-disconnected","status":"open","queueId":"general","mode":"text"}
event.9.conversationUpdated.frame.staff-first.customer {"type":"conversation.updated","conversationId":"c8","seq":3,"at":1700000123456,"reason":"agent-disconnected","status":"open","mode":"text"}
event.9.conversationUpdated.frame.customer-first.customer {"type":"conversation.updated","conversationId":"c8","seq":3,"at":1700000123456,"reason":"agent-disconnected","status":"open","mode":"text"}
event.9.conversationUpdated.frame.customer-first.staff {"type":"conversation.updated","conversationId":"c8","seq":3,"at":1700000123456,"reason":"agent-disconnected","status":"open","queueId":"general","mode":"text"}
event.10.participantLeft.journal {"v":1,"k":"left","c":"c7","s":5,"t":1700000123456,"user":"bob","role":"consult"}
event.10.participantLeft.wire.staff {"type":"participant.left","conversationId":"c7","seq":5,"at":1700000123456,"userId":"bob","role":"consult"}
event.10.participantLeft.wire.customer {"type":"participant.left","conversationId":"c7","seq":5,"at":1700000123456,"userId":"bob","role":"consult"}
event.10.participantLeft.frame.staff-first.staff {"type":"participant.left","conversationId":"c7","seq":5,"at":1700000123456,"userId":"bob","role":"consult"}
event.10.participantLeft.frame.staff-first.customer {"type":"participant.left","conversationId":"c7","seq":5,"at":1700000123456,"userId":"bob","role":"consult"}
event.10.participantLeft.frame.customer-first.customer {"type":"participant.left","conversationId":"c7","seq":5,"at":1700000123456,"userId":"bob","role":"consult"}
event.10.participantLeft.frame.customer-first.staff {"type":"participant.left","conversationId":"c7","seq":5,"at":1700000123456,"userId":"bob","role":"consult"}
event.11.conversationUpdated.journal {"v":1,"k":"updated","c":"c7","s":6,"t":1700000123456,"status":"wrapUp","queue":"billing","mode":"voice","reason":"ended"}
event.11.conversationUpdated.wire.staff {"type":"conversation.updated","conversationId":"c7","seq":6,"at":1700000123456,"reason":"ended","status":"wrap-up","queueId":"billing","mode":"voice"}
event.11.conversationUpdated.wire.customer {"type":"conversation.updated","conversationId":"c7","seq":6,"at":1700000123456,"reason":"ended","status":"wrap-up","mode":"voice"}
event.11.conversationUpdated.frame.staff-first.staff {"type":"conversation.updated","conversationId":"c7","seq":6,"at":1700000123456,"reason":"ended","status":"wrap-up","queueId":"billing","mode":"voice"}
event.11.conversationUpdated.frame.staff-first.customer {"type":"conversation.updated","conversationId":"c7","seq":6,"at":1700000123456,"reason":"ended","status":"wrap-up","mode":"voice"}
event.11.conversationUpdated.frame.customer-first.customer {"type":"conversation.updated","conversationId":"c7","seq":6,"at":1700000123456,"reason":"ended","status":"wrap-up","mode":"voice"}
event.11.conversationUpdated.frame.customer-first.staff {"type":"conversation.updated","conversationId":"c7","seq":6,"at":1700000123456,"reason":"ended","status":"wrap-up","queueId":"billing","mode":"voice"}
event.12.conversationUpdated.journal {"v":1,"k":"updated","c":"c7","s":7,"t":1700000123456,"status":"active","queue":"general","agent":"alice","mode":"text","reason":"transferred"}
event.12.conversationUpdated.wire.staff {"type":"conversation.updated","conversationId":"c7","seq":7,"at":1700000123456,"reason":"transferred","status":"active","queueId":"general","agentId":"alice","mode":"text"}
event.12.conversationUpdated.wire.customer {"type":"conversation.updated","conversationId":"c7","seq":7,"at":1700000123456,"reason":"transferred","status":"active","agentId":"alice","mode":"text"}
event.12.conversationUpdated.frame.staff-first.staff {"type":"conversation.updated","conversationId":"c7","seq":7,"at":1700000123456,"reason":"transferred","status":"active","queueId":"general","agentId":"alice","mode":"text"}
event.12.conversationUpdated.frame.staff-first.customer {"type":"conversation.updated","conversationId":"c7","seq":7,"at":1700000123456,"reason":"transferred","status":"active","agentId":"alice","mode":"text"}
event.12.conversationUpdated.frame.customer-first.customer {"type":"conversation.updated","conversationId":"c7","seq":7,"at":1700000123456,"reason":"transferred","status":"active","agentId":"alice","mode":"text"}
event.12.conversationUpdated.frame.customer-first.staff {"type":"conversation.updated","conversationId":"c7","seq":7,"at":1700000123456,"reason":"transferred","status":"active","queueId":"general","agentId":"alice","mode":"text"}
event.13.offer.journal {"v":1,"k":"offer","c":"c7","s":8,"t":1700000123456,"offer":"o3","conversation":"c7","kind":"transfer","agent":"bob","requester":"alice","subject":"Refund","channel":"sms","queue":"general","units":2,"expires":1700000153456}
event.13.offer.wire.staff {"type":"offer","conversationId":"c7","seq":8,"at":1700000123456,"offerId":"o3","kind":"transfer","agentId":"bob","requesterId":"alice","subject":"Refund","channel":"sms","queueId":"general","expiresAt":1700000153456}
event.13.offer.wire.customer {"type":"offer","conversationId":"c7","seq":8,"at":1700000123456,"offerId":"o3","kind":"transfer","agentId":"bob","requesterId":"alice","subject":"Refund","channel":"sms","queueId":"general","expiresAt":1700000153456}
event.13.offer.frame.staff-first.staff {"type":"offer","conversationId":"c7","seq":8,"at":1700000123456,"offerId":"o3","kind":"transfer","agentId":"bob","requesterId":"alice","subject":"Refund","channel":"sms","queueId":"general","expiresAt":1700000153456}
event.13.offer.frame.staff-first.customer -
event.13.offer.frame.customer-first.customer -
event.13.offer.frame.customer-first.staff {"type":"offer","conversationId":"c7","seq":8,"at":1700000123456,"offerId":"o3","kind":"transfer","agentId":"bob","requesterId":"alice","subject":"Refund","channel":"sms","queueId":"general","expiresAt":1700000153456}
event.14.offer.journal {"v":1,"k":"offer","c":"c7","s":9,"t":1700000123456,"offer":"o4","conversation":"c7","kind":"route","agent":"bob","subject":"x","channel":"livechat","queue":"general","units":1,"expires":1700000123456}
event.14.offer.wire.staff {"type":"offer","conversationId":"c7","seq":9,"at":1700000123456,"offerId":"o4","kind":"route","agentId":"bob","subject":"x","channel":"livechat","queueId":"general","expiresAt":1700000123456}
event.14.offer.wire.customer {"type":"offer","conversationId":"c7","seq":9,"at":1700000123456,"offerId":"o4","kind":"route","agentId":"bob","subject":"x","channel":"livechat","queueId":"general","expiresAt":1700000123456}
event.14.offer.frame.staff-first.staff {"type":"offer","conversationId":"c7","seq":9,"at":1700000123456,"offerId":"o4","kind":"route","agentId":"bob","subject":"x","channel":"livechat","queueId":"general","expiresAt":1700000123456}
event.14.offer.frame.staff-first.customer -
event.14.offer.frame.customer-first.customer -
event.14.offer.frame.customer-first.staff {"type":"offer","conversationId":"c7","seq":9,"at":1700000123456,"offerId":"o4","kind":"route","agentId":"bob","subject":"x","channel":"livechat","queueId":"general","expiresAt":1700000123456}
event.15.offerEnded.journal {"v":1,"k":"offerEnded","c":"c7","s":10,"t":1700000123456,"offer":"o3","kind":"transfer","agent":"bob","requester":"alice","outcome":"timedOut"}
event.15.offerEnded.wire.staff {"type":"notification","conversationId":"c7","seq":10,"at":1700000123456,"kind":"offer-timed-out","offerId":"o3","offerKind":"transfer","agentId":"bob","requesterId":"alice"}
event.15.offerEnded.wire.customer {"type":"notification","conversationId":"c7","seq":10,"at":1700000123456,"kind":"offer-timed-out","offerId":"o3","offerKind":"transfer","agentId":"bob","requesterId":"alice"}
event.15.offerEnded.frame.staff-first.staff {"type":"notification","conversationId":"c7","seq":10,"at":1700000123456,"kind":"offer-timed-out","offerId":"o3","offerKind":"transfer","agentId":"bob","requesterId":"alice"}
event.15.offerEnded.frame.staff-first.customer -
event.15.offerEnded.frame.customer-first.customer -
event.15.offerEnded.frame.customer-first.staff {"type":"notification","conversationId":"c7","seq":10,"at":1700000123456,"kind":"offer-timed-out","offerId":"o3","offerKind":"transfer","agentId":"bob","requesterId":"alice"}
event.16.offerEnded.journal {"v":1,"k":"offerEnded","c":"c7","s":11,"t":1700000123456,"offer":"o4","kind":"route","agent":"bob","outcome":"withdrawn"}
event.16.offerEnded.wire.staff {"type":"notification","conversationId":"c7","seq":11,"at":1700000123456,"kind":"offer-withdrawn","offerId":"o4","offerKind":"route","agentId":"bob"}
event.16.offerEnded.wire.customer {"type":"notification","conversationId":"c7","seq":11,"at":1700000123456,"kind":"offer-withdrawn","offerId":"o4","offerKind":"route","agentId":"bob"}
event.16.offerEnded.frame.staff-first.staff {"type":"notification","conversationId":"c7","seq":11,"at":1700000123456,"kind":"offer-withdrawn","offerId":"o4","offerKind":"route","agentId":"bob"}
event.16.offerEnded.frame.staff-first.customer -
event.16.offerEnded.frame.customer-first.customer -
event.16.offerEnded.frame.customer-first.staff {"type":"notification","conversationId":"c7","seq":11,"at":1700000123456,"kind":"offer-withdrawn","offerId":"o4","offerKind":"route","agentId":"bob"}
event.17.notification.journal {"v":1,"k":"notification","c":"c7","s":12,"t":1700000123456,"kind":"supervisorJoined","user":"sam"}
event.17.notification.wire.staff {"type":"notification","conversationId":"c7","seq":12,"at":1700000123456,"kind":"supervisor-joined","userId":"sam"}
event.17.notification.wire.customer {"type":"notification","conversationId":"c7","seq":12,"at":1700000123456,"kind":"supervisor-joined","userId":"sam"}
event.17.notification.frame.staff-first.staff {"type":"notification","conversationId":"c7","seq":12,"at":1700000123456,"kind":"supervisor-joined","userId":"sam"}
event.17.notification.frame.staff-first.customer {"type":"notification","conversationId":"c7","seq":12,"at":1700000123456,"kind":"supervisor-joined","userId":"sam"}
event.17.notification.frame.customer-first.customer {"type":"notification","conversationId":"c7","seq":12,"at":1700000123456,"kind":"supervisor-joined","userId":"sam"}
event.17.notification.frame.customer-first.staff {"type":"notification","conversationId":"c7","seq":12,"at":1700000123456,"kind":"supervisor-joined","userId":"sam"}
event.18.conversationClosed.journal {"v":1,"k":"closed","c":"c7","s":13,"t":1700000123456,"by":"supervisor","user":"sam","reason":"Abusive language"}
event.18.conversationClosed.wire.staff {"type":"conversation.closed","conversationId":"c7","seq":13,"at":1700000123456,"by":"supervisor","reason":"Abusive language","userId":"sam"}
event.18.conversationClosed.wire.customer {"type":"conversation.closed","conversationId":"c7","seq":13,"at":1700000123456,"by":"supervisor","reason":"Abusive language"}
event.18.conversationClosed.frame.staff-first.staff {"type":"conversation.closed","conversationId":"c7","seq":13,"at":1700000123456,"by":"supervisor","reason":"Abusive language","userId":"sam"}
event.18.conversationClosed.frame.staff-first.customer {"type":"conversation.closed","conversationId":"c7","seq":13,"at":1700000123456,"by":"supervisor","reason":"Abusive language"}
event.18.conversationClosed.frame.customer-first.customer {"type":"conversation.closed","conversationId":"c7","seq":13,"at":1700000123456,"by":"supervisor","reason":"Abusive language"}
event.18.conversationClosed.frame.customer-first.staff {"type":"conversation.closed","conversationId":"c7","seq":13,"at":1700000123456,"by":"supervisor","reason":"Abusive language","userId":"sam"}
event.19.settingsUpdated.journal {"v":1,"k":"settings","t":1700000123456,"monitor":true,"assign":false,"transfer":true,"forceClose":false,"by":"root"}
event.19.settingsUpdated.wire.staff {"type":"notification","at":1700000123456,"kind":"settings-updated","userId":"root","settings":{"supervisorMonitor":true,"supervisorAssign":false,"supervisorTransfer":true,"supervisorForceClose":false}}
event.19.settingsUpdated.wire.customer {"type":"notification","at":1700000123456,"kind":"settings-updated","userId":"root","settings":{"supervisorMonitor":true,"supervisorAssign":false,"supervisorTransfer":true,"supervisorForceClose":false}}
event.19.settingsUpdated.frame.staff-first.staff {"type":"notification","at":1700000123456,"kind":"settings-updated","userId":"root","settings":{"supervisorMonitor":true,"supervisorAssign":false,"supervisorTransfer":true,"supervisorForceClose":false}}
event.19.settingsUpdated.frame.staff-first.customer -
event.19.settingsUpdated.frame.customer-first.customer -
event.19.settingsUpdated.frame.customer-first.staff {"type":"notification","at":1700000123456,"kind":"settings-updated","userId":"root","settings":{"supervisorMonitor":true,"supervisorAssign":false,"supervisorTransfer":true,"supervisorForceClose":false}}
event.20.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":1,"user":"sam","role":"supervisor","name":"Sam Ödegaard","conversation":"c7","action":"monitorStarted","session":"s1a2b-7"}
event.20.audit.wire.staff {"at":1700000123456}
event.20.audit.wire.customer {"at":1700000123456}
event.20.audit.frame.staff-first.staff -
event.20.audit.frame.staff-first.customer -
event.20.audit.frame.customer-first.customer -
event.20.audit.frame.customer-first.staff -
event.21.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":2,"user":"sam","role":"supervisor","name":"Sam Ödegaard","conversation":"c7","action":"monitorStopped","session":"s1a2b-7","reason":"unmonitored"}
event.21.audit.wire.staff {"at":1700000123456}
event.21.audit.wire.customer {"at":1700000123456}
event.21.audit.frame.staff-first.staff -
event.21.audit.frame.staff-first.customer -
event.21.audit.frame.customer-first.customer -
event.21.audit.frame.customer-first.staff -
event.22.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":3,"user":"sam","role":"supervisor","name":"Sam Ödegaard","conversation":"c7","action":"monitorStopped","session":"s1a2b-8","reason":"conversationClosed"}
event.22.audit.wire.staff {"at":1700000123456}
event.22.audit.wire.customer {"at":1700000123456}
event.22.audit.frame.staff-first.staff -
event.22.audit.frame.staff-first.customer -
event.22.audit.frame.customer-first.customer -
event.22.audit.frame.customer-first.staff -
event.23.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":4,"user":"sam","role":"supervisor","name":"Sam Ödegaard","conversation":"c7","action":"joined"}
event.23.audit.wire.staff {"at":1700000123456}
event.23.audit.wire.customer {"at":1700000123456}
event.23.audit.frame.staff-first.staff -
event.23.audit.frame.staff-first.customer -
event.23.audit.frame.customer-first.customer -
event.23.audit.frame.customer-first.staff -
event.24.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":5,"user":"sam","role":"supervisor","name":"Sam Ödegaard","conversation":"c7","action":"left","reason":"disconnected"}
event.24.audit.wire.staff {"at":1700000123456}
event.24.audit.wire.customer {"at":1700000123456}
event.24.audit.frame.staff-first.staff -
event.24.audit.frame.staff-first.customer -
event.24.audit.frame.customer-first.customer -
event.24.audit.frame.customer-first.staff -
event.25.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":6,"user":"sam","role":"supervisor","name":"Sam Ödegaard","conversation":"c8","action":"assigned","agent":"bob","override":true,"excess":2}
event.25.audit.wire.staff {"at":1700000123456}
event.25.audit.wire.customer {"at":1700000123456}
event.25.audit.frame.staff-first.staff -
event.25.audit.frame.staff-first.customer -
event.25.audit.frame.customer-first.customer -
event.25.audit.frame.customer-first.staff -
event.26.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":7,"user":"sam","role":"supervisor","name":"Sam Ödegaard","conversation":"c8","action":"assigned","queue":"billing","override":false,"excess":0}
event.26.audit.wire.staff {"at":1700000123456}
event.26.audit.wire.customer {"at":1700000123456}
event.26.audit.frame.staff-first.staff -
event.26.audit.frame.staff-first.customer -
event.26.audit.frame.customer-first.customer -
event.26.audit.frame.customer-first.staff -
event.27.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":8,"user":"sam","role":"supervisor","name":"Sam Ödegaard","conversation":"c8","action":"transferred","agent":"alice","offer":"o9"}
event.27.audit.wire.staff {"at":1700000123456}
event.27.audit.wire.customer {"at":1700000123456}
event.27.audit.frame.staff-first.staff -
event.27.audit.frame.staff-first.customer -
event.27.audit.frame.customer-first.customer -
event.27.audit.frame.customer-first.staff -
event.28.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":9,"user":"sam","role":"supervisor","name":"Sam Ödegaard","conversation":"c8","action":"transferred","queue":"general"}
event.28.audit.wire.staff {"at":1700000123456}
event.28.audit.wire.customer {"at":1700000123456}
event.28.audit.frame.staff-first.staff -
event.28.audit.frame.staff-first.customer -
event.28.audit.frame.customer-first.customer -
event.28.audit.frame.customer-first.staff -
event.29.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":10,"user":"sam","role":"supervisor","name":"Sam Ödegaard","conversation":"c8","action":"forceClosed","reason":"Abusive \"language\" 🙂\nline two"}
event.29.audit.wire.staff {"at":1700000123456}
event.29.audit.wire.customer {"at":1700000123456}
event.29.audit.frame.staff-first.staff -
event.29.audit.frame.staff-first.customer -
event.29.audit.frame.customer-first.customer -
event.29.audit.frame.customer-first.staff -
event.30.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":11,"user":"root","role":"admin","name":"Root Admin","action":"settingsChanged","from.supervisorMonitor":true,"to.supervisorMonitor":false,"from.supervisorTransfer":false,"to.supervisorTransfer":false}
event.30.audit.wire.staff {"at":1700000123456}
event.30.audit.wire.customer {"at":1700000123456}
event.30.audit.frame.staff-first.staff -
event.30.audit.frame.staff-first.customer -
event.30.audit.frame.customer-first.customer -
event.30.audit.frame.customer-first.staff -
event.31.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":12,"user":"root","role":"admin","name":"Root Admin","action":"settingsChanged"}
event.31.audit.wire.staff {"at":1700000123456}
event.31.audit.wire.customer {"at":1700000123456}
event.31.audit.frame.staff-first.staff -
event.31.audit.frame.staff-first.customer -
event.31.audit.frame.customer-first.customer -
event.31.audit.frame.customer-first.staff -
event.32.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":13,"user":"sam","role":"supervisor","name":"Sam Ödegaard","conversation":"c8","action":"escalated","mode":"video"}
event.32.audit.wire.staff {"at":1700000123456}
event.32.audit.wire.customer {"at":1700000123456}
event.32.audit.frame.staff-first.staff -
event.32.audit.frame.staff-first.customer -
event.32.audit.frame.customer-first.customer -
event.32.audit.frame.customer-first.staff -
event.33.audit.journal {"v":1,"k":"audit","t":1700000123456,"id":99,"at":1700000200000,"user":"sue","role":"supervisor","name":"Sue","conversation":"c9","action":"monitorStopped","session":"k","reason":"restart"}
event.33.audit.wire.staff {"at":1700000123456}
event.33.audit.wire.customer {"at":1700000123456}
event.33.audit.frame.staff-first.staff -
event.33.audit.frame.staff-first.customer -
event.33.audit.frame.customer-first.customer -
event.33.audit.frame.customer-first.staff -
event.34.conversationStarted.journal {"v":1,"k":"started","c":"c1","s":7,"t":1700000123456,"subject":"s","channel":"livechat","mode":"text","queue":"q","customer":"c","units":1}
event.34.conversationStarted.wire.staff {"type":"conversation.updated","conversationId":"c1","seq":7,"at":1700000123456,"reason":"started","status":"open","queueId":"q","mode":"text","subject":"s","channel":"livechat","customerId":"c"}
event.34.conversationStarted.wire.customer {"type":"conversation.updated","conversationId":"c1","seq":7,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"s","channel":"livechat","customerId":"c"}
event.34.conversationStarted.frame.staff-first.staff {"type":"conversation.updated","conversationId":"c1","seq":7,"at":1700000123456,"reason":"started","status":"open","queueId":"q","mode":"text","subject":"s","channel":"livechat","customerId":"c"}
event.34.conversationStarted.frame.staff-first.customer {"type":"conversation.updated","conversationId":"c1","seq":7,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"s","channel":"livechat","customerId":"c"}
event.34.conversationStarted.frame.customer-first.customer {"type":"conversation.updated","conversationId":"c1","seq":7,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"s","channel":"livechat","customerId":"c"}
event.34.conversationStarted.frame.customer-first.staff {"type":"conversation.updated","conversationId":"c1","seq":7,"at":1700000123456,"reason":"started","status":"open","queueId":"q","mode":"text","subject":"s","channel":"livechat","customerId":"c"}
event.35.conversationStarted.journal {"v":1,"k":"started","t":-1,"subject":"s","channel":"livechat","mode":"text","queue":"q","customer":"c","units":1}
event.35.conversationStarted.wire.staff {"type":"conversation.updated","at":-1,"reason":"started","status":"open","queueId":"q","mode":"text","subject":"s","channel":"livechat","customerId":"c"}
event.35.conversationStarted.wire.customer {"type":"conversation.updated","at":-1,"reason":"started","status":"open","mode":"text","subject":"s","channel":"livechat","customerId":"c"}
event.35.conversationStarted.frame.staff-first.staff {"type":"conversation.updated","at":-1,"reason":"started","status":"open","queueId":"q","mode":"text","subject":"s","channel":"livechat","customerId":"c"}
event.35.conversationStarted.frame.staff-first.customer {"type":"conversation.updated","at":-1,"reason":"started","status":"open","mode":"text","subject":"s","channel":"livechat","customerId":"c"}
event.35.conversationStarted.frame.customer-first.customer {"type":"conversation.updated","at":-1,"reason":"started","status":"open","mode":"text","subject":"s","channel":"livechat","customerId":"c"}
event.35.conversationStarted.frame.customer-first.staff {"type":"conversation.updated","at":-1,"reason":"started","status":"open","queueId":"q","mode":"text","subject":"s","channel":"livechat","customerId":"c"}
event.36.message.journal {"v":1,"k":"message","c":"c1","s":7,"t":1700000123456,"ms":1,"mt":0,"sender":"c","role":"customer","text":"t","visibility":"public"}
event.36.message.wire.staff {"type":"message","conversationId":"c1","seq":7,"at":1700000123456,"senderId":"c","senderRole":"customer","text":"t","visibility":"public"}
event.36.message.wire.customer {"type":"message","conversationId":"c1","seq":7,"at":1700000123456,"senderId":"c","senderRole":"customer","text":"t","visibility":"public"}
event.36.message.frame.staff-first.staff {"type":"message","conversationId":"c1","seq":7,"at":1700000123456,"senderId":"c","senderRole":"customer","text":"t","visibility":"public"}
event.36.message.frame.staff-first.customer {"type":"message","conversationId":"c1","seq":7,"at":1700000123456,"senderId":"c","senderRole":"customer","text":"t","visibility":"public"}
event.36.message.frame.customer-first.customer {"type":"message","conversationId":"c1","seq":7,"at":1700000123456,"senderId":"c","senderRole":"customer","text":"t","visibility":"public"}
event.36.message.frame.customer-first.staff {"type":"message","conversationId":"c1","seq":7,"at":1700000123456,"senderId":"c","senderRole":"customer","text":"t","visibility":"public"}
event.37.message.journal {"v":1,"k":"message","t":-1,"ms":1,"mt":0,"sender":"c","role":"customer","text":"t","visibility":"public"}
event.37.message.wire.staff {"type":"message","at":-1,"senderId":"c","senderRole":"customer","text":"t","visibility":"public"}
event.37.message.wire.customer {"type":"message","at":-1,"senderId":"c","senderRole":"customer","text":"t","visibility":"public"}
event.37.message.frame.staff-first.staff {"type":"message","at":-1,"senderId":"c","senderRole":"customer","text":"t","visibility":"public"}
event.37.message.frame.staff-first.customer {"type":"message","at":-1,"senderId":"c","senderRole":"customer","text":"t","visibility":"public"}
event.37.message.frame.customer-first.customer {"type":"message","at":-1,"senderId":"c","senderRole":"customer","text":"t","visibility":"public"}
event.37.message.frame.customer-first.staff {"type":"message","at":-1,"senderId":"c","senderRole":"customer","text":"t","visibility":"public"}
event.38.participantJoined.journal {"v":1,"k":"joined","c":"c1","s":7,"t":1700000123456,"user":"a","role":"agent"}
event.38.participantJoined.wire.staff {"type":"participant.joined","conversationId":"c1","seq":7,"at":1700000123456,"userId":"a","role":"agent"}
event.38.participantJoined.wire.customer {"type":"participant.joined","conversationId":"c1","seq":7,"at":1700000123456,"userId":"a","role":"agent"}
event.38.participantJoined.frame.staff-first.staff {"type":"participant.joined","conversationId":"c1","seq":7,"at":1700000123456,"userId":"a","role":"agent"}
event.38.participantJoined.frame.staff-first.customer {"type":"participant.joined","conversationId":"c1","seq":7,"at":1700000123456,"userId":"a","role":"agent"}
event.38.participantJoined.frame.customer-first.customer {"type":"participant.joined","conversationId":"c1","seq":7,"at":1700000123456,"userId":"a","role":"agent"}
event.38.participantJoined.frame.customer-first.staff {"type":"participant.joined","conversationId":"c1","seq":7,"at":1700000123456,"userId":"a","role":"agent"}
event.39.participantJoined.journal {"v":1,"k":"joined","t":-1,"user":"a","role":"agent"}
event.39.participantJoined.wire.staff {"type":"participant.joined","at":-1,"userId":"a","role":"agent"}
event.39.participantJoined.wire.customer {"type":"participant.joined","at":-1,"userId":"a","role":"agent"}
event.39.participantJoined.frame.staff-first.staff {"type":"participant.joined","at":-1,"userId":"a","role":"agent"}
event.39.participantJoined.frame.staff-first.customer {"type":"participant.joined","at":-1,"userId":"a","role":"agent"}
event.39.participantJoined.frame.customer-first.customer {"type":"participant.joined","at":-1,"userId":"a","role":"agent"}
event.39.participantJoined.frame.customer-first.staff {"type":"participant.joined","at":-1,"userId":"a","role":"agent"}
event.40.participantLeft.journal {"v":1,"k":"left","c":"c1","s":7,"t":1700000123456,"user":"a","role":"agent"}
event.40.participantLeft.wire.staff {"type":"participant.left","conversationId":"c1","seq":7,"at":1700000123456,"userId":"a","role":"agent"}
event.40.participantLeft.wire.customer {"type":"participant.left","conversationId":"c1","seq":7,"at":1700000123456,"userId":"a","role":"agent"}
event.40.participantLeft.frame.staff-first.staff {"type":"participant.left","conversationId":"c1","seq":7,"at":1700000123456,"userId":"a","role":"agent"}
event.40.participantLeft.frame.staff-first.customer {"type":"participant.left","conversationId":"c1","seq":7,"at":1700000123456,"userId":"a","role":"agent"}
event.40.participantLeft.frame.customer-first.customer {"type":"participant.left","conversationId":"c1","seq":7,"at":1700000123456,"userId":"a","role":"agent"}
event.40.participantLeft.frame.customer-first.staff {"type":"participant.left","conversationId":"c1","seq":7,"at":1700000123456,"userId":"a","role":"agent"}
event.41.participantLeft.journal {"v":1,"k":"left","t":-1,"user":"a","role":"agent"}
event.41.participantLeft.wire.staff {"type":"participant.left","at":-1,"userId":"a","role":"agent"}
event.41.participantLeft.wire.customer {"type":"participant.left","at":-1,"userId":"a","role":"agent"}
event.41.participantLeft.frame.staff-first.staff {"type":"participant.left","at":-1,"userId":"a","role":"agent"}
event.41.participantLeft.frame.staff-first.customer {"type":"participant.left","at":-1,"userId":"a","role":"agent"}
event.41.participantLeft.frame.customer-first.customer {"type":"participant.left","at":-1,"userId":"a","role":"agent"}
event.41.participantLeft.frame.customer-first.staff {"type":"participant.left","at":-1,"userId":"a","role":"agent"}
event.42.conversationUpdated.journal {"v":1,"k":"updated","c":"c1","s":7,"t":1700000123456,"status":"active","queue":"q","agent":"a","mode":"text","reason":"accepted"}
event.42.conversationUpdated.wire.staff {"type":"conversation.updated","conversationId":"c1","seq":7,"at":1700000123456,"reason":"accepted","status":"active","queueId":"q","agentId":"a","mode":"text"}
event.42.conversationUpdated.wire.customer {"type":"conversation.updated","conversationId":"c1","seq":7,"at":1700000123456,"reason":"accepted","status":"active","agentId":"a","mode":"text"}
event.42.conversationUpdated.frame.staff-first.staff {"type":"conversation.updated","conversationId":"c1","seq":7,"at":1700000123456,"reason":"accepted","status":"active","queueId":"q","agentId":"a","mode":"text"}
event.42.conversationUpdated.frame.staff-first.customer {"type":"conversation.updated","conversationId":"c1","seq":7,"at":1700000123456,"reason":"accepted","status":"active","agentId":"a","mode":"text"}
event.42.conversationUpdated.frame.customer-first.customer {"type":"conversation.updated","conversationId":"c1","seq":7,"at":1700000123456,"reason":"accepted","status":"active","agentId":"a","mode":"text"}
event.42.conversationUpdated.frame.customer-first.staff {"type":"conversation.updated","conversationId":"c1","seq":7,"at":1700000123456,"reason":"accepted","status":"active","queueId":"q","agentId":"a","mode":"text"}
event.43.conversationUpdated.journal {"v":1,"k":"updated","t":-1,"status":"active","queue":"q","agent":"a","mode":"text","reason":"accepted"}
event.43.conversationUpdated.wire.staff {"type":"conversation.updated","at":-1,"reason":"accepted","status":"active","queueId":"q","agentId":"a","mode":"text"}
event.43.conversationUpdated.wire.customer {"type":"conversation.updated","at":-1,"reason":"accepted","status":"active","agentId":"a","mode":"text"}
event.43.conversationUpdated.frame.staff-first.staff {"type":"conversation.updated","at":-1,"reason":"accepted","status":"active","queueId":"q","agentId":"a","mode":"text"}
event.43.conversationUpdated.frame.staff-first.customer {"type":"conversation.updated","at":-1,"reason":"accepted","status":"active","agentId":"a","mode":"text"}
event.43.conversationUpdated.frame.customer-first.customer {"type":"conversation.updated","at":-1,"reason":"accepted","status":"active","agentId":"a","mode":"text"}
event.43.conversationUpdated.frame.customer-first.staff {"type":"conversation.updated","at":-1,"reason":"accepted","status":"active","queueId":"q","agentId":"a","mode":"text"}
event.44.offer.journal {"v":1,"k":"offer","c":"c1","s":7,"t":1700000123456,"offer":"o1","conversation":"c1","kind":"route","agent":"a","subject":"s","channel":"livechat","queue":"q","units":1,"expires":0}
event.44.offer.wire.staff {"type":"offer","conversationId":"c1","seq":7,"at":1700000123456,"offerId":"o1","kind":"route","agentId":"a","subject":"s","channel":"livechat","queueId":"q","expiresAt":0}
event.44.offer.wire.customer {"type":"offer","conversationId":"c1","seq":7,"at":1700000123456,"offerId":"o1","kind":"route","agentId":"a","subject":"s","channel":"livechat","queueId":"q","expiresAt":0}
event.44.offer.frame.staff-first.staff {"type":"offer","conversationId":"c1","seq":7,"at":1700000123456,"offerId":"o1","kind":"route","agentId":"a","subject":"s","channel":"livechat","queueId":"q","expiresAt":0}
event.44.offer.frame.staff-first.customer -
event.44.offer.frame.customer-first.customer -
event.44.offer.frame.customer-first.staff {"type":"offer","conversationId":"c1","seq":7,"at":1700000123456,"offerId":"o1","kind":"route","agentId":"a","subject":"s","channel":"livechat","queueId":"q","expiresAt":0}
event.45.offer.journal {"v":1,"k":"offer","t":-1,"offer":"o1","conversation":"c1","kind":"route","agent":"a","subject":"s","channel":"livechat","queue":"q","units":1,"expires":0}
event.45.offer.wire.staff {"type":"offer","at":-1,"offerId":"o1","kind":"route","agentId":"a","subject":"s","channel":"livechat","queueId":"q","expiresAt":0}
event.45.offer.wire.customer {"type":"offer","at":-1,"offerId":"o1","kind":"route","agentId":"a","subject":"s","channel":"livechat","queueId":"q","expiresAt":0}
event.45.offer.frame.staff-first.staff {"type":"offer","at":-1,"offerId":"o1","kind":"route","agentId":"a","subject":"s","channel":"livechat","queueId":"q","expiresAt":0}
event.45.offer.frame.staff-first.customer -
event.45.offer.frame.customer-first.customer -
event.45.offer.frame.customer-first.staff {"type":"offer","at":-1,"offerId":"o1","kind":"route","agentId":"a","subject":"s","channel":"livechat","queueId":"q","expiresAt":0}
event.46.offerEnded.journal {"v":1,"k":"offerEnded","c":"c1","s":7,"t":1700000123456,"offer":"o1","kind":"route","agent":"a","outcome":"accepted"}
event.46.offerEnded.wire.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-accepted","offerId":"o1","offerKind":"route","agentId":"a"}
event.46.offerEnded.wire.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-accepted","offerId":"o1","offerKind":"route","agentId":"a"}
event.46.offerEnded.frame.staff-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-accepted","offerId":"o1","offerKind":"route","agentId":"a"}
event.46.offerEnded.frame.staff-first.customer -
event.46.offerEnded.frame.customer-first.customer -
event.46.offerEnded.frame.customer-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-accepted","offerId":"o1","offerKind":"route","agentId":"a"}
event.47.offerEnded.journal {"v":1,"k":"offerEnded","t":-1,"offer":"o1","kind":"route","agent":"a","outcome":"accepted"}
event.47.offerEnded.wire.staff {"type":"notification","at":-1,"kind":"offer-accepted","offerId":"o1","offerKind":"route","agentId":"a"}
event.47.offerEnded.wire.customer {"type":"notification","at":-1,"kind":"offer-accepted","offerId":"o1","offerKind":"route","agentId":"a"}
event.47.offerEnded.frame.staff-first.staff {"type":"notification","at":-1,"kind":"offer-accepted","offerId":"o1","offerKind":"route","agentId":"a"}
event.47.offerEnded.frame.staff-first.customer -
event.47.offerEnded.frame.customer-first.customer -
event.47.offerEnded.frame.customer-first.staff {"type":"notification","at":-1,"kind":"offer-accepted","offerId":"o1","offerKind":"route","agentId":"a"}
event.48.offerEnded.journal {"v":1,"k":"offerEnded","c":"c1","s":7,"t":1700000123456,"offer":"o1","kind":"route","agent":"a","outcome":"rejected"}
event.48.offerEnded.wire.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-rejected","offerId":"o1","offerKind":"route","agentId":"a"}
event.48.offerEnded.wire.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-rejected","offerId":"o1","offerKind":"route","agentId":"a"}
event.48.offerEnded.frame.staff-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-rejected","offerId":"o1","offerKind":"route","agentId":"a"}
event.48.offerEnded.frame.staff-first.customer -
event.48.offerEnded.frame.customer-first.customer -
event.48.offerEnded.frame.customer-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-rejected","offerId":"o1","offerKind":"route","agentId":"a"}
event.49.offerEnded.journal {"v":1,"k":"offerEnded","t":-1,"offer":"o1","kind":"route","agent":"a","outcome":"rejected"}
event.49.offerEnded.wire.staff {"type":"notification","at":-1,"kind":"offer-rejected","offerId":"o1","offerKind":"route","agentId":"a"}
event.49.offerEnded.wire.customer {"type":"notification","at":-1,"kind":"offer-rejected","offerId":"o1","offerKind":"route","agentId":"a"}
event.49.offerEnded.frame.staff-first.staff {"type":"notification","at":-1,"kind":"offer-rejected","offerId":"o1","offerKind":"route","agentId":"a"}
event.49.offerEnded.frame.staff-first.customer -
event.49.offerEnded.frame.customer-first.customer -
event.49.offerEnded.frame.customer-first.staff {"type":"notification","at":-1,"kind":"offer-rejected","offerId":"o1","offerKind":"route","agentId":"a"}
event.50.offerEnded.journal {"v":1,"k":"offerEnded","c":"c1","s":7,"t":1700000123456,"offer":"o1","kind":"route","agent":"a","outcome":"timedOut"}
event.50.offerEnded.wire.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-timed-out","offerId":"o1","offerKind":"route","agentId":"a"}
event.50.offerEnded.wire.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-timed-out","offerId":"o1","offerKind":"route","agentId":"a"}
event.50.offerEnded.frame.staff-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-timed-out","offerId":"o1","offerKind":"route","agentId":"a"}
event.50.offerEnded.frame.staff-first.customer -
event.50.offerEnded.frame.customer-first.customer -
event.50.offerEnded.frame.customer-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-timed-out","offerId":"o1","offerKind":"route","agentId":"a"}
event.51.offerEnded.journal {"v":1,"k":"offerEnded","t":-1,"offer":"o1","kind":"route","agent":"a","outcome":"timedOut"}
event.51.offerEnded.wire.staff {"type":"notification","at":-1,"kind":"offer-timed-out","offerId":"o1","offerKind":"route","agentId":"a"}
event.51.offerEnded.wire.customer {"type":"notification","at":-1,"kind":"offer-timed-out","offerId":"o1","offerKind":"route","agentId":"a"}
event.51.offerEnded.frame.staff-first.staff {"type":"notification","at":-1,"kind":"offer-timed-out","offerId":"o1","offerKind":"route","agentId":"a"}
event.51.offerEnded.frame.staff-first.customer -
event.51.offerEnded.frame.customer-first.customer -
event.51.offerEnded.frame.customer-first.staff {"type":"notification","at":-1,"kind":"offer-timed-out","offerId":"o1","offerKind":"route","agentId":"a"}
event.52.offerEnded.journal {"v":1,"k":"offerEnded","c":"c1","s":7,"t":1700000123456,"offer":"o1","kind":"route","agent":"a","outcome":"withdrawn"}
event.52.offerEnded.wire.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-withdrawn","offerId":"o1","offerKind":"route","agentId":"a"}
event.52.offerEnded.wire.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-withdrawn","offerId":"o1","offerKind":"route","agentId":"a"}
event.52.offerEnded.frame.staff-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-withdrawn","offerId":"o1","offerKind":"route","agentId":"a"}
event.52.offerEnded.frame.staff-first.customer -
event.52.offerEnded.frame.customer-first.customer -
event.52.offerEnded.frame.customer-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"offer-withdrawn","offerId":"o1","offerKind":"route","agentId":"a"}
event.53.offerEnded.journal {"v":1,"k":"offerEnded","t":-1,"offer":"o1","kind":"route","agent":"a","outcome":"withdrawn"}
event.53.offerEnded.wire.staff {"type":"notification","at":-1,"kind":"offer-withdrawn","offerId":"o1","offerKind":"route","agentId":"a"}
event.53.offerEnded.wire.customer {"type":"notification","at":-1,"kind":"offer-withdrawn","offerId":"o1","offerKind":"route","agentId":"a"}
event.53.offerEnded.frame.staff-first.staff {"type":"notification","at":-1,"kind":"offer-withdrawn","offerId":"o1","offerKind":"route","agentId":"a"}
event.53.offerEnded.frame.staff-first.customer -
event.53.offerEnded.frame.customer-first.customer -
event.53.offerEnded.frame.customer-first.staff {"type":"notification","at":-1,"kind":"offer-withdrawn","offerId":"o1","offerKind":"route","agentId":"a"}
event.54.notification.journal {"v":1,"k":"notification","c":"c1","s":7,"t":1700000123456,"kind":"supervisorJoined","user":"s"}
event.54.notification.wire.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"supervisor-joined","userId":"s"}
event.54.notification.wire.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"supervisor-joined","userId":"s"}
event.54.notification.frame.staff-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"supervisor-joined","userId":"s"}
event.54.notification.frame.staff-first.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"supervisor-joined","userId":"s"}
event.54.notification.frame.customer-first.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"supervisor-joined","userId":"s"}
event.54.notification.frame.customer-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"supervisor-joined","userId":"s"}
event.55.notification.journal {"v":1,"k":"notification","t":-1,"kind":"supervisorJoined","user":"s"}
event.55.notification.wire.staff {"type":"notification","at":-1,"kind":"supervisor-joined","userId":"s"}
event.55.notification.wire.customer {"type":"notification","at":-1,"kind":"supervisor-joined","userId":"s"}
event.55.notification.frame.staff-first.staff {"type":"notification","at":-1,"kind":"supervisor-joined","userId":"s"}
event.55.notification.frame.staff-first.customer {"type":"notification","at":-1,"kind":"supervisor-joined","userId":"s"}
event.55.notification.frame.customer-first.customer {"type":"notification","at":-1,"kind":"supervisor-joined","userId":"s"}
event.55.notification.frame.customer-first.staff {"type":"notification","at":-1,"kind":"supervisor-joined","userId":"s"}
event.56.conversationClosed.journal {"v":1,"k":"closed","c":"c1","s":7,"t":1700000123456,"by":"agent","user":"a","reason":"r"}
event.56.conversationClosed.wire.staff {"type":"conversation.closed","conversationId":"c1","seq":7,"at":1700000123456,"by":"agent","reason":"r","userId":"a"}
event.56.conversationClosed.wire.customer {"type":"conversation.closed","conversationId":"c1","seq":7,"at":1700000123456,"by":"agent","reason":"r"}
event.56.conversationClosed.frame.staff-first.staff {"type":"conversation.closed","conversationId":"c1","seq":7,"at":1700000123456,"by":"agent","reason":"r","userId":"a"}
event.56.conversationClosed.frame.staff-first.customer {"type":"conversation.closed","conversationId":"c1","seq":7,"at":1700000123456,"by":"agent","reason":"r"}
event.56.conversationClosed.frame.customer-first.customer {"type":"conversation.closed","conversationId":"c1","seq":7,"at":1700000123456,"by":"agent","reason":"r"}
event.56.conversationClosed.frame.customer-first.staff {"type":"conversation.closed","conversationId":"c1","seq":7,"at":1700000123456,"by":"agent","reason":"r","userId":"a"}
event.57.conversationClosed.journal {"v":1,"k":"closed","t":-1,"by":"agent","user":"a","reason":"r"}
event.57.conversationClosed.wire.staff {"type":"conversation.closed","at":-1,"by":"agent","reason":"r","userId":"a"}
event.57.conversationClosed.wire.customer {"type":"conversation.closed","at":-1,"by":"agent","reason":"r"}
event.57.conversationClosed.frame.staff-first.staff {"type":"conversation.closed","at":-1,"by":"agent","reason":"r","userId":"a"}
event.57.conversationClosed.frame.staff-first.customer {"type":"conversation.closed","at":-1,"by":"agent","reason":"r"}
event.57.conversationClosed.frame.customer-first.customer {"type":"conversation.closed","at":-1,"by":"agent","reason":"r"}
event.57.conversationClosed.frame.customer-first.staff {"type":"conversation.closed","at":-1,"by":"agent","reason":"r","userId":"a"}
event.58.typing.journal -
event.58.typing.wire.staff {"type":"typing","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c"}
event.58.typing.wire.customer {"type":"typing","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c"}
event.58.typing.frame.staff-first.staff {"type":"typing","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c"}
event.58.typing.frame.staff-first.customer {"type":"typing","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c"}
event.58.typing.frame.customer-first.customer {"type":"typing","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c"}
event.58.typing.frame.customer-first.staff {"type":"typing","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c"}
event.59.typing.journal -
event.59.typing.wire.staff {"type":"typing","at":-1,"userId":"c"}
event.59.typing.wire.customer {"type":"typing","at":-1,"userId":"c"}
event.59.typing.frame.staff-first.staff {"type":"typing","at":-1,"userId":"c"}
event.59.typing.frame.staff-first.customer {"type":"typing","at":-1,"userId":"c"}
event.59.typing.frame.customer-first.customer {"type":"typing","at":-1,"userId":"c"}
event.59.typing.frame.customer-first.staff {"type":"typing","at":-1,"userId":"c"}
event.60.reportUpdate.journal -
event.60.reportUpdate.wire.staff {"type":"report.update","conversationId":"c1","seq":7,"at":1700000123456,"row":{"conversationId":"c1","subject":"s","customerId":"cara","customerName":"Cara Diaz","status":"open","queueId":"q","channel":"livechat","createdAt":0,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}}
event.60.reportUpdate.wire.customer {"type":"report.update","conversationId":"c1","seq":7,"at":1700000123456,"row":{"conversationId":"c1","subject":"s","customerId":"cara","customerName":"Cara Diaz","status":"open","queueId":"q","channel":"livechat","createdAt":0,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}}
event.60.reportUpdate.frame.staff-first.staff {"type":"report.update","conversationId":"c1","seq":7,"at":1700000123456,"row":{"conversationId":"c1","subject":"s","customerId":"cara","customerName":"Cara Diaz","status":"open","queueId":"q","channel":"livechat","createdAt":0,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}}
event.60.reportUpdate.frame.staff-first.customer -
event.60.reportUpdate.frame.customer-first.customer -
event.60.reportUpdate.frame.customer-first.staff {"type":"report.update","conversationId":"c1","seq":7,"at":1700000123456,"row":{"conversationId":"c1","subject":"s","customerId":"cara","customerName":"Cara Diaz","status":"open","queueId":"q","channel":"livechat","createdAt":0,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}}
event.61.reportUpdate.journal -
event.61.reportUpdate.wire.staff {"type":"report.update","at":-1,"row":{"conversationId":"c1","subject":"s","customerId":"cara","customerName":"Cara Diaz","status":"open","queueId":"q","channel":"livechat","createdAt":0,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}}
event.61.reportUpdate.wire.customer {"type":"report.update","at":-1,"row":{"conversationId":"c1","subject":"s","customerId":"cara","customerName":"Cara Diaz","status":"open","queueId":"q","channel":"livechat","createdAt":0,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}}
event.61.reportUpdate.frame.staff-first.staff {"type":"report.update","at":-1,"row":{"conversationId":"c1","subject":"s","customerId":"cara","customerName":"Cara Diaz","status":"open","queueId":"q","channel":"livechat","createdAt":0,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}}
event.61.reportUpdate.frame.staff-first.customer -
event.61.reportUpdate.frame.customer-first.customer -
event.61.reportUpdate.frame.customer-first.staff {"type":"report.update","at":-1,"row":{"conversationId":"c1","subject":"s","customerId":"cara","customerName":"Cara Diaz","status":"open","queueId":"q","channel":"livechat","createdAt":0,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}}
event.62.presenceChanged.journal -
event.62.presenceChanged.wire.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"presence-changed","userId":"a","presence":"available"}
event.62.presenceChanged.wire.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"presence-changed","userId":"a","presence":"available"}
event.62.presenceChanged.frame.staff-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"presence-changed","userId":"a","presence":"available"}
event.62.presenceChanged.frame.staff-first.customer -
event.62.presenceChanged.frame.customer-first.customer -
event.62.presenceChanged.frame.customer-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"presence-changed","userId":"a","presence":"available"}
event.63.presenceChanged.journal -
event.63.presenceChanged.wire.staff {"type":"notification","at":-1,"kind":"presence-changed","userId":"a","presence":"available"}
event.63.presenceChanged.wire.customer {"type":"notification","at":-1,"kind":"presence-changed","userId":"a","presence":"available"}
event.63.presenceChanged.frame.staff-first.staff {"type":"notification","at":-1,"kind":"presence-changed","userId":"a","presence":"available"}
event.63.presenceChanged.frame.staff-first.customer -
event.63.presenceChanged.frame.customer-first.customer -
event.63.presenceChanged.frame.customer-first.staff {"type":"notification","at":-1,"kind":"presence-changed","userId":"a","presence":"available"}
event.64.monitorStarted.journal -
event.64.monitorStarted.wire.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"monitor-started","userId":"s","sessionId":"k"}
event.64.monitorStarted.wire.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"monitor-started","userId":"s","sessionId":"k"}
event.64.monitorStarted.frame.staff-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"monitor-started","userId":"s","sessionId":"k"}
event.64.monitorStarted.frame.staff-first.customer -
event.64.monitorStarted.frame.customer-first.customer -
event.64.monitorStarted.frame.customer-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"monitor-started","userId":"s","sessionId":"k"}
event.65.monitorStarted.journal -
event.65.monitorStarted.wire.staff {"type":"notification","at":-1,"kind":"monitor-started","userId":"s","sessionId":"k"}
event.65.monitorStarted.wire.customer {"type":"notification","at":-1,"kind":"monitor-started","userId":"s","sessionId":"k"}
event.65.monitorStarted.frame.staff-first.staff {"type":"notification","at":-1,"kind":"monitor-started","userId":"s","sessionId":"k"}
event.65.monitorStarted.frame.staff-first.customer -
event.65.monitorStarted.frame.customer-first.customer -
event.65.monitorStarted.frame.customer-first.staff {"type":"notification","at":-1,"kind":"monitor-started","userId":"s","sessionId":"k"}
event.66.monitorStopped.journal -
event.66.monitorStopped.wire.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"monitor-stopped","userId":"s","sessionId":"k"}
event.66.monitorStopped.wire.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"monitor-stopped","userId":"s","sessionId":"k"}
event.66.monitorStopped.frame.staff-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"monitor-stopped","userId":"s","sessionId":"k"}
event.66.monitorStopped.frame.staff-first.customer -
event.66.monitorStopped.frame.customer-first.customer -
event.66.monitorStopped.frame.customer-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"monitor-stopped","userId":"s","sessionId":"k"}
event.67.monitorStopped.journal -
event.67.monitorStopped.wire.staff {"type":"notification","at":-1,"kind":"monitor-stopped","userId":"s","sessionId":"k"}
event.67.monitorStopped.wire.customer {"type":"notification","at":-1,"kind":"monitor-stopped","userId":"s","sessionId":"k"}
event.67.monitorStopped.frame.staff-first.staff {"type":"notification","at":-1,"kind":"monitor-stopped","userId":"s","sessionId":"k"}
event.67.monitorStopped.frame.staff-first.customer -
event.67.monitorStopped.frame.customer-first.customer -
event.67.monitorStopped.frame.customer-first.staff {"type":"notification","at":-1,"kind":"monitor-stopped","userId":"s","sessionId":"k"}
event.68.settingsUpdated.journal {"v":1,"k":"settings","c":"c1","s":7,"t":1700000123456,"monitor":false,"assign":false,"transfer":false,"forceClose":false,"by":"ad"}
event.68.settingsUpdated.wire.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"settings-updated","userId":"ad","settings":{"supervisorMonitor":false,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":false}}
event.68.settingsUpdated.wire.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"settings-updated","userId":"ad","settings":{"supervisorMonitor":false,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":false}}
event.68.settingsUpdated.frame.staff-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"settings-updated","userId":"ad","settings":{"supervisorMonitor":false,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":false}}
event.68.settingsUpdated.frame.staff-first.customer -
event.68.settingsUpdated.frame.customer-first.customer -
event.68.settingsUpdated.frame.customer-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"settings-updated","userId":"ad","settings":{"supervisorMonitor":false,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":false}}
event.69.settingsUpdated.journal {"v":1,"k":"settings","t":-1,"monitor":false,"assign":false,"transfer":false,"forceClose":false,"by":"ad"}
event.69.settingsUpdated.wire.staff {"type":"notification","at":-1,"kind":"settings-updated","userId":"ad","settings":{"supervisorMonitor":false,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":false}}
event.69.settingsUpdated.wire.customer {"type":"notification","at":-1,"kind":"settings-updated","userId":"ad","settings":{"supervisorMonitor":false,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":false}}
event.69.settingsUpdated.frame.staff-first.staff {"type":"notification","at":-1,"kind":"settings-updated","userId":"ad","settings":{"supervisorMonitor":false,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":false}}
event.69.settingsUpdated.frame.staff-first.customer -
event.69.settingsUpdated.frame.customer-first.customer -
event.69.settingsUpdated.frame.customer-first.staff {"type":"notification","at":-1,"kind":"settings-updated","userId":"ad","settings":{"supervisorMonitor":false,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":false}}
event.70.participantAway.journal {"v":1,"k":"away","c":"c1","s":7,"t":1700000123456,"user":"c","role":"customer","name":"C"}
event.70.participantAway.wire.staff {"type":"participant.away","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c","role":"customer","name":"C"}
event.70.participantAway.wire.customer {"type":"participant.away","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c","role":"customer","name":"C"}
event.70.participantAway.frame.staff-first.staff {"type":"participant.away","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c","role":"customer","name":"C"}
event.70.participantAway.frame.staff-first.customer {"type":"participant.away","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c","role":"customer","name":"C"}
event.70.participantAway.frame.customer-first.customer {"type":"participant.away","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c","role":"customer","name":"C"}
event.70.participantAway.frame.customer-first.staff {"type":"participant.away","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c","role":"customer","name":"C"}
event.71.participantAway.journal {"v":1,"k":"away","t":-1,"user":"c","role":"customer","name":"C"}
event.71.participantAway.wire.staff {"type":"participant.away","at":-1,"userId":"c","role":"customer","name":"C"}
event.71.participantAway.wire.customer {"type":"participant.away","at":-1,"userId":"c","role":"customer","name":"C"}
event.71.participantAway.frame.staff-first.staff {"type":"participant.away","at":-1,"userId":"c","role":"customer","name":"C"}
event.71.participantAway.frame.staff-first.customer {"type":"participant.away","at":-1,"userId":"c","role":"customer","name":"C"}
event.71.participantAway.frame.customer-first.customer {"type":"participant.away","at":-1,"userId":"c","role":"customer","name":"C"}
event.71.participantAway.frame.customer-first.staff {"type":"participant.away","at":-1,"userId":"c","role":"customer","name":"C"}
event.72.participantBack.journal {"v":1,"k":"back","c":"c1","s":7,"t":1700000123456,"user":"c","role":"customer","name":"C"}
event.72.participantBack.wire.staff {"type":"participant.back","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c","role":"customer","name":"C"}
event.72.participantBack.wire.customer {"type":"participant.back","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c","role":"customer","name":"C"}
event.72.participantBack.frame.staff-first.staff {"type":"participant.back","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c","role":"customer","name":"C"}
event.72.participantBack.frame.staff-first.customer {"type":"participant.back","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c","role":"customer","name":"C"}
event.72.participantBack.frame.customer-first.customer {"type":"participant.back","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c","role":"customer","name":"C"}
event.72.participantBack.frame.customer-first.staff {"type":"participant.back","conversationId":"c1","seq":7,"at":1700000123456,"userId":"c","role":"customer","name":"C"}
event.73.participantBack.journal {"v":1,"k":"back","t":-1,"user":"c","role":"customer","name":"C"}
event.73.participantBack.wire.staff {"type":"participant.back","at":-1,"userId":"c","role":"customer","name":"C"}
event.73.participantBack.wire.customer {"type":"participant.back","at":-1,"userId":"c","role":"customer","name":"C"}
event.73.participantBack.frame.staff-first.staff {"type":"participant.back","at":-1,"userId":"c","role":"customer","name":"C"}
event.73.participantBack.frame.staff-first.customer {"type":"participant.back","at":-1,"userId":"c","role":"customer","name":"C"}
event.73.participantBack.frame.customer-first.customer {"type":"participant.back","at":-1,"userId":"c","role":"customer","name":"C"}
event.73.participantBack.frame.customer-first.staff {"type":"participant.back","at":-1,"userId":"c","role":"customer","name":"C"}
event.74.queuePosition.journal -
event.74.queuePosition.wire.staff {"type":"queue.position","conversationId":"c1","seq":7,"at":1700000123456,"position":2,"estimatedWaitSeconds":60}
event.74.queuePosition.wire.customer {"type":"queue.position","conversationId":"c1","seq":7,"at":1700000123456,"position":2,"estimatedWaitSeconds":60}
event.74.queuePosition.frame.staff-first.staff {"type":"queue.position","conversationId":"c1","seq":7,"at":1700000123456,"position":2,"estimatedWaitSeconds":60}
event.74.queuePosition.frame.staff-first.customer {"type":"queue.position","conversationId":"c1","seq":7,"at":1700000123456,"position":2,"estimatedWaitSeconds":60}
event.74.queuePosition.frame.customer-first.customer {"type":"queue.position","conversationId":"c1","seq":7,"at":1700000123456,"position":2,"estimatedWaitSeconds":60}
event.74.queuePosition.frame.customer-first.staff {"type":"queue.position","conversationId":"c1","seq":7,"at":1700000123456,"position":2,"estimatedWaitSeconds":60}
event.75.queuePosition.journal -
event.75.queuePosition.wire.staff {"type":"queue.position","at":-1,"position":2,"estimatedWaitSeconds":60}
event.75.queuePosition.wire.customer {"type":"queue.position","at":-1,"position":2,"estimatedWaitSeconds":60}
event.75.queuePosition.frame.staff-first.staff {"type":"queue.position","at":-1,"position":2,"estimatedWaitSeconds":60}
event.75.queuePosition.frame.staff-first.customer {"type":"queue.position","at":-1,"position":2,"estimatedWaitSeconds":60}
event.75.queuePosition.frame.customer-first.customer {"type":"queue.position","at":-1,"position":2,"estimatedWaitSeconds":60}
event.75.queuePosition.frame.customer-first.staff {"type":"queue.position","at":-1,"position":2,"estimatedWaitSeconds":60}
event.76.agentUpdate.journal -
event.76.agentUpdate.wire.staff {"type":"agents.update","conversationId":"c1","seq":7,"at":1700000123456,"agent":{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}}
event.76.agentUpdate.wire.customer {"type":"agents.update","conversationId":"c1","seq":7,"at":1700000123456,"agent":{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}}
event.76.agentUpdate.frame.staff-first.staff {"type":"agents.update","conversationId":"c1","seq":7,"at":1700000123456,"agent":{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}}
event.76.agentUpdate.frame.staff-first.customer -
event.76.agentUpdate.frame.customer-first.customer -
event.76.agentUpdate.frame.customer-first.staff {"type":"agents.update","conversationId":"c1","seq":7,"at":1700000123456,"agent":{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}}
event.77.agentUpdate.journal -
event.77.agentUpdate.wire.staff {"type":"agents.update","at":-1,"agent":{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}}
event.77.agentUpdate.wire.customer {"type":"agents.update","at":-1,"agent":{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}}
event.77.agentUpdate.frame.staff-first.staff {"type":"agents.update","at":-1,"agent":{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}}
event.77.agentUpdate.frame.staff-first.customer -
event.77.agentUpdate.frame.customer-first.customer -
event.77.agentUpdate.frame.customer-first.staff {"type":"agents.update","at":-1,"agent":{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}}
event.78.agentDisconnected.journal -
event.78.agentDisconnected.wire.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"agent-disconnected","userId":"a","presence":"available"}
event.78.agentDisconnected.wire.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"agent-disconnected","userId":"a","presence":"available"}
event.78.agentDisconnected.frame.staff-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"agent-disconnected","userId":"a","presence":"available"}
event.78.agentDisconnected.frame.staff-first.customer -
event.78.agentDisconnected.frame.customer-first.customer -
event.78.agentDisconnected.frame.customer-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"agent-disconnected","userId":"a","presence":"available"}
event.79.agentDisconnected.journal -
event.79.agentDisconnected.wire.staff {"type":"notification","at":-1,"kind":"agent-disconnected","userId":"a","presence":"available"}
event.79.agentDisconnected.wire.customer {"type":"notification","at":-1,"kind":"agent-disconnected","userId":"a","presence":"available"}
event.79.agentDisconnected.frame.staff-first.staff {"type":"notification","at":-1,"kind":"agent-disconnected","userId":"a","presence":"available"}
event.79.agentDisconnected.frame.staff-first.customer -
event.79.agentDisconnected.frame.customer-first.customer -
event.79.agentDisconnected.frame.customer-first.staff {"type":"notification","at":-1,"kind":"agent-disconnected","userId":"a","presence":"available"}
event.80.agentReconnected.journal -
event.80.agentReconnected.wire.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"agent-reconnected","userId":"a","presence":"available"}
event.80.agentReconnected.wire.customer {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"agent-reconnected","userId":"a","presence":"available"}
event.80.agentReconnected.frame.staff-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"agent-reconnected","userId":"a","presence":"available"}
event.80.agentReconnected.frame.staff-first.customer -
event.80.agentReconnected.frame.customer-first.customer -
event.80.agentReconnected.frame.customer-first.staff {"type":"notification","conversationId":"c1","seq":7,"at":1700000123456,"kind":"agent-reconnected","userId":"a","presence":"available"}
event.81.agentReconnected.journal -
event.81.agentReconnected.wire.staff {"type":"notification","at":-1,"kind":"agent-reconnected","userId":"a","presence":"available"}
event.81.agentReconnected.wire.customer {"type":"notification","at":-1,"kind":"agent-reconnected","userId":"a","presence":"available"}
event.81.agentReconnected.frame.staff-first.staff {"type":"notification","at":-1,"kind":"agent-reconnected","userId":"a","presence":"available"}
event.81.agentReconnected.frame.staff-first.customer -
event.81.agentReconnected.frame.customer-first.customer -
event.81.agentReconnected.frame.customer-first.staff {"type":"notification","at":-1,"kind":"agent-reconnected","userId":"a","presence":"available"}
event.82.audit.journal {"v":1,"k":"audit","c":"c1","s":7,"t":1700000123456,"id":1,"at":0,"user":"s","role":"supervisor","name":"S","conversation":"c1","action":"monitorStarted","session":"k"}
event.82.audit.wire.staff {"conversationId":"c1","seq":7,"at":1700000123456}
event.82.audit.wire.customer {"conversationId":"c1","seq":7,"at":1700000123456}
event.82.audit.frame.staff-first.staff -
event.82.audit.frame.staff-first.customer -
event.82.audit.frame.customer-first.customer -
event.82.audit.frame.customer-first.staff -
event.83.audit.journal {"v":1,"k":"audit","t":-1,"id":1,"at":0,"user":"s","role":"supervisor","name":"S","conversation":"c1","action":"monitorStarted","session":"k"}
event.83.audit.wire.staff {"at":-1}
event.83.audit.wire.customer {"at":-1}
event.83.audit.frame.staff-first.staff -
event.83.audit.frame.staff-first.customer -
event.83.audit.frame.customer-first.customer -
event.83.audit.frame.customer-first.staff -
event.84.reportUpdate.journal -
event.84.reportUpdate.wire.staff {"type":"report.update","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"row":{"conversationId":"c\u00019","subject":"Ünï \"quoted\" \\ 🙂\ttab","customerId":"guest-\"1\"","customerName":"Cära \"C\" Díaz\n","status":"wrap-up","agentId":"alice","queueId":"billing","channel":"sms","createdAt":1700000123456,"waitSeconds":9223372036854775807,"handleSeconds":-9223372036854775808,"waitStartedAt":1700000123456,"handleStartedAt":1700000126456,"lastActivityAt":1700000132456,"participantCount":4,"customerAway":true,"sentiment":"positive"}}
event.84.reportUpdate.wire.customer {"type":"report.update","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"row":{"conversationId":"c\u00019","subject":"Ünï \"quoted\" \\ 🙂\ttab","customerId":"guest-\"1\"","customerName":"Cära \"C\" Díaz\n","status":"wrap-up","agentId":"alice","queueId":"billing","channel":"sms","createdAt":1700000123456,"waitSeconds":9223372036854775807,"handleSeconds":-9223372036854775808,"waitStartedAt":1700000123456,"handleStartedAt":1700000126456,"lastActivityAt":1700000132456,"participantCount":4,"customerAway":true,"sentiment":"positive"}}
event.84.reportUpdate.frame.staff-first.staff {"type":"report.update","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"row":{"conversationId":"c\u00019","subject":"Ünï \"quoted\" \\ 🙂\ttab","customerId":"guest-\"1\"","customerName":"Cära \"C\" Díaz\n","status":"wrap-up","agentId":"alice","queueId":"billing","channel":"sms","createdAt":1700000123456,"waitSeconds":9223372036854775807,"handleSeconds":-9223372036854775808,"waitStartedAt":1700000123456,"handleStartedAt":1700000126456,"lastActivityAt":1700000132456,"participantCount":4,"customerAway":true,"sentiment":"positive"}}
event.84.reportUpdate.frame.staff-first.customer -
event.84.reportUpdate.frame.customer-first.customer -
event.84.reportUpdate.frame.customer-first.staff {"type":"report.update","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"row":{"conversationId":"c\u00019","subject":"Ünï \"quoted\" \\ 🙂\ttab","customerId":"guest-\"1\"","customerName":"Cära \"C\" Díaz\n","status":"wrap-up","agentId":"alice","queueId":"billing","channel":"sms","createdAt":1700000123456,"waitSeconds":9223372036854775807,"handleSeconds":-9223372036854775808,"waitStartedAt":1700000123456,"handleStartedAt":1700000126456,"lastActivityAt":1700000132456,"participantCount":4,"customerAway":true,"sentiment":"positive"}}
event.85.agentUpdate.journal -
event.85.agentUpdate.wire.staff {"type":"agents.update","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"agent":{"agentId":"bob","name":"Bob \"B\" Ödegaard","presence":"away","capacityUsed":2,"capacity":3,"conversationIds":["c1","c2","c\"3"],"disconnectedAt":1700000123456}}
event.85.agentUpdate.wire.customer {"type":"agents.update","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"agent":{"agentId":"bob","name":"Bob \"B\" Ödegaard","presence":"away","capacityUsed":2,"capacity":3,"conversationIds":["c1","c2","c\"3"],"disconnectedAt":1700000123456}}
event.85.agentUpdate.frame.staff-first.staff {"type":"agents.update","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"agent":{"agentId":"bob","name":"Bob \"B\" Ödegaard","presence":"away","capacityUsed":2,"capacity":3,"conversationIds":["c1","c2","c\"3"],"disconnectedAt":1700000123456}}
event.85.agentUpdate.frame.staff-first.customer -
event.85.agentUpdate.frame.customer-first.customer -
event.85.agentUpdate.frame.customer-first.staff {"type":"agents.update","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"agent":{"agentId":"bob","name":"Bob \"B\" Ödegaard","presence":"away","capacityUsed":2,"capacity":3,"conversationIds":["c1","c2","c\"3"],"disconnectedAt":1700000123456}}
event.86.agentUpdate.journal -
event.86.agentUpdate.wire.staff {"type":"agents.update","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"agent":{"agentId":"e","name":"","presence":"offline","capacityUsed":0,"capacity":0,"conversationIds":[]}}
event.86.agentUpdate.wire.customer {"type":"agents.update","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"agent":{"agentId":"e","name":"","presence":"offline","capacityUsed":0,"capacity":0,"conversationIds":[]}}
event.86.agentUpdate.frame.staff-first.staff {"type":"agents.update","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"agent":{"agentId":"e","name":"","presence":"offline","capacityUsed":0,"capacity":0,"conversationIds":[]}}
event.86.agentUpdate.frame.staff-first.customer -
event.86.agentUpdate.frame.customer-first.customer -
event.86.agentUpdate.frame.customer-first.staff {"type":"agents.update","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"agent":{"agentId":"e","name":"","presence":"offline","capacityUsed":0,"capacity":0,"conversationIds":[]}}
event.87.queuePosition.journal -
event.87.queuePosition.wire.staff {"type":"queue.position","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"position":1}
event.87.queuePosition.wire.customer {"type":"queue.position","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"position":1}
event.87.queuePosition.frame.staff-first.staff {"type":"queue.position","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"position":1}
event.87.queuePosition.frame.staff-first.customer {"type":"queue.position","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"position":1}
event.87.queuePosition.frame.customer-first.customer {"type":"queue.position","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"position":1}
event.87.queuePosition.frame.customer-first.staff {"type":"queue.position","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"position":1}
event.88.message.journal {"v":1,"k":"message","c":"c1","s":9223372036854775807,"t":-9223372036854775808,"ms":9,"mt":1700000123456,"sender":"cust","role":"customer","text":"long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ ","visibility":"public","client":"id \"x\""}
event.88.message.wire.staff {"type":"message","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"senderId":"cust","senderRole":"customer","text":"long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ ","visibility":"public","clientMsgId":"id \"x\""}
event.88.message.wire.customer {"type":"message","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"senderId":"cust","senderRole":"customer","text":"long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ ","visibility":"public","clientMsgId":"id \"x\""}
event.88.message.frame.staff-first.staff {"type":"message","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"senderId":"cust","senderRole":"customer","text":"long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ ","visibility":"public","clientMsgId":"id \"x\""}
event.88.message.frame.staff-first.customer {"type":"message","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"senderId":"cust","senderRole":"customer","text":"long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ ","visibility":"public","clientMsgId":"id \"x\""}
event.88.message.frame.customer-first.customer {"type":"message","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"senderId":"cust","senderRole":"customer","text":"long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ ","visibility":"public","clientMsgId":"id \"x\""}
event.88.message.frame.customer-first.staff {"type":"message","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"senderId":"cust","senderRole":"customer","text":"long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ long 🙂 \u0000\u001f\"\\ ","visibility":"public","clientMsgId":"id \"x\""}
event.89.message.journal {"v":1,"k":"message","c":"c1","s":9223372036854775807,"t":-9223372036854775808,"ms":10,"mt":1700000123456,"sender":"a","role":"agent","text":"","visibility":"internal","client":""}
event.89.message.wire.staff {"type":"message","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"senderId":"a","senderRole":"agent","text":"","visibility":"internal","clientMsgId":""}
event.89.message.wire.customer {"type":"message","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"senderId":"a","senderRole":"agent","text":"","visibility":"internal","clientMsgId":""}
event.89.message.frame.staff-first.staff {"type":"message","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"senderId":"a","senderRole":"agent","text":"","visibility":"internal","clientMsgId":""}
event.89.message.frame.staff-first.customer -
event.89.message.frame.customer-first.customer -
event.89.message.frame.customer-first.staff {"type":"message","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"senderId":"a","senderRole":"agent","text":"","visibility":"internal","clientMsgId":""}
event.90.conversationClosed.journal {"v":1,"k":"closed","c":"c1","s":9223372036854775807,"t":-9223372036854775808,"by":"customer","user":"cust","reason":""}
event.90.conversationClosed.wire.staff {"type":"conversation.closed","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"by":"customer","reason":"","userId":"cust"}
event.90.conversationClosed.wire.customer {"type":"conversation.closed","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"by":"customer","reason":""}
event.90.conversationClosed.frame.staff-first.staff {"type":"conversation.closed","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"by":"customer","reason":"","userId":"cust"}
event.90.conversationClosed.frame.staff-first.customer {"type":"conversation.closed","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"by":"customer","reason":""}
event.90.conversationClosed.frame.customer-first.customer {"type":"conversation.closed","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"by":"customer","reason":""}
event.90.conversationClosed.frame.customer-first.staff {"type":"conversation.closed","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"by":"customer","reason":"","userId":"cust"}
event.91.offer.journal {"v":1,"k":"offer","c":"c1","s":9223372036854775807,"t":-9223372036854775808,"offer":"o9","conversation":"c1","kind":"consult","agent":"dave","requester":"bob","subject":"S","channel":"voice","queue":"q","units":0,"expires":9223372036854775807}
event.91.offer.wire.staff {"type":"offer","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"offerId":"o9","kind":"consult","agentId":"dave","requesterId":"bob","subject":"S","channel":"voice","queueId":"q","expiresAt":9223372036854775807}
event.91.offer.wire.customer {"type":"offer","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"offerId":"o9","kind":"consult","agentId":"dave","requesterId":"bob","subject":"S","channel":"voice","queueId":"q","expiresAt":9223372036854775807}
event.91.offer.frame.staff-first.staff {"type":"offer","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"offerId":"o9","kind":"consult","agentId":"dave","requesterId":"bob","subject":"S","channel":"voice","queueId":"q","expiresAt":9223372036854775807}
event.91.offer.frame.staff-first.customer -
event.91.offer.frame.customer-first.customer -
event.91.offer.frame.customer-first.staff {"type":"offer","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"offerId":"o9","kind":"consult","agentId":"dave","requesterId":"bob","subject":"S","channel":"voice","queueId":"q","expiresAt":9223372036854775807}
event.92.offer.journal {"v":1,"k":"offer","c":"c1","s":9223372036854775807,"t":-9223372036854775808,"offer":"o10","conversation":"c1","kind":"route","agent":"erin","subject":"T","name":"Cära \"C\" Díaz\n","channel":"livechat","queue":"q","units":2,"expires":1700000123456}
event.92.offer.wire.staff {"type":"offer","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"offerId":"o10","kind":"route","agentId":"erin","subject":"T","customerName":"Cära \"C\" Díaz\n","channel":"livechat","queueId":"q","expiresAt":1700000123456}
event.92.offer.wire.customer {"type":"offer","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"offerId":"o10","kind":"route","agentId":"erin","subject":"T","customerName":"Cära \"C\" Díaz\n","channel":"livechat","queueId":"q","expiresAt":1700000123456}
event.92.offer.frame.staff-first.staff {"type":"offer","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"offerId":"o10","kind":"route","agentId":"erin","subject":"T","customerName":"Cära \"C\" Díaz\n","channel":"livechat","queueId":"q","expiresAt":1700000123456}
event.92.offer.frame.staff-first.customer -
event.92.offer.frame.customer-first.customer -
event.92.offer.frame.customer-first.staff {"type":"offer","conversationId":"c1","seq":9223372036854775807,"at":-9223372036854775808,"offerId":"o10","kind":"route","agentId":"erin","subject":"T","customerName":"Cära \"C\" Díaz\n","channel":"livechat","queueId":"q","expiresAt":1700000123456}
archived {"v":1,"k":"archived","c":"c\"7","t":1700000123456}
ongoing-report {"rows":[],"at":1700000123456}
answer.done.id0.staff.0 {"type":"ack","id":"r\"1\u0007"}
answer.done.id0.customer.0 {"type":"ack","id":"r\"1\u0007"}
answer.started.id0.staff.0 {"type":"ack","id":"r\"1\u0007","conversationId":"c9"}
answer.started.id0.customer.0 {"type":"ack","id":"r\"1\u0007","conversationId":"c9"}
answer.accepted.id0.staff.0 {"type":"ack","id":"r\"1\u0007","seq":42}
answer.accepted.id0.customer.0 {"type":"ack","id":"r\"1\u0007","seq":42}
answer.accepted-max.id0.staff.0 {"type":"ack","id":"r\"1\u0007","seq":9223372036854775807}
answer.accepted-max.id0.customer.0 {"type":"ack","id":"r\"1\u0007","seq":9223372036854775807}
answer.offer.id0.staff.0 {"type":"ack","id":"r\"1\u0007","offerId":"o3"}
answer.offer.id0.customer.0 {"type":"ack","id":"r\"1\u0007","offerId":"o3"}
answer.assigned.id0.staff.0 {"type":"ack","id":"r\"1\u0007","capacityExceededBy":2}
answer.assigned.id0.customer.0 {"type":"ack","id":"r\"1\u0007","capacityExceededBy":2}
answer.history.id0.staff.0 {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","queueId":"general","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
answer.history.id0.staff.1 {"type":"message","conversationId":"c7","seq":2,"at":1700000123456,"senderId":"alice","senderRole":"agent","text":"line\nbreak","visibility":"internal"}
answer.history.id0.staff.2 {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
answer.history.id0.staff.3 {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
answer.history.id0.staff.4 {"type":"ack","id":"r\"1\u0007","replayed":4}
answer.history.id0.customer.0 {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
answer.history.id0.customer.1 {"type":"message","conversationId":"c7","seq":2,"at":1700000123456,"senderId":"alice","senderRole":"agent","text":"line\nbreak","visibility":"internal"}
answer.history.id0.customer.2 {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
answer.history.id0.customer.3 {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
answer.history.id0.customer.4 {"type":"ack","id":"r\"1\u0007","replayed":4}
answer.history-empty.id0.staff.0 {"type":"ack","id":"r\"1\u0007","replayed":0}
answer.history-empty.id0.customer.0 {"type":"ack","id":"r\"1\u0007","replayed":0}
answer.report.id0.staff.0 {"type":"report.snapshot","rows":[{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"},{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}]}
answer.report.id0.staff.1 {"type":"ack","id":"r\"1\u0007"}
answer.report.id0.customer.0 {"type":"report.snapshot","rows":[{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"},{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}]}
answer.report.id0.customer.1 {"type":"ack","id":"r\"1\u0007"}
answer.report-empty.id0.staff.0 {"type":"report.snapshot","rows":[]}
answer.report-empty.id0.staff.1 {"type":"ack","id":"r\"1\u0007"}
answer.report-empty.id0.customer.0 {"type":"report.snapshot","rows":[]}
answer.report-empty.id0.customer.1 {"type":"ack","id":"r\"1\u0007"}
answer.agents.id0.staff.0 {"type":"agents.snapshot","agents":[{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}]}
answer.agents.id0.staff.1 {"type":"ack","id":"r\"1\u0007"}
answer.agents.id0.customer.0 {"type":"agents.snapshot","agents":[{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}]}
answer.agents.id0.customer.1 {"type":"ack","id":"r\"1\u0007"}
answer.agents-empty.id0.staff.0 {"type":"agents.snapshot","agents":[]}
answer.agents-empty.id0.staff.1 {"type":"ack","id":"r\"1\u0007"}
answer.agents-empty.id0.customer.0 {"type":"agents.snapshot","agents":[]}
answer.agents-empty.id0.customer.1 {"type":"ack","id":"r\"1\u0007"}
answer.settings.id0.staff.0 {"type":"ack","id":"r\"1\u0007","settings":{"supervisorMonitor":true,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":true}}
answer.settings.id0.customer.0 {"type":"ack","id":"r\"1\u0007","settings":{"supervisorMonitor":true,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":true}}
answer.conversations.id0.staff.0 {"type":"ack","id":"r\"1\u0007","conversations":[{"conversationId":"c12","status":"active","subject":"Where \"is\" it","channel":"livechat","role":"agent","lastSeq":14},{"conversationId":"c15","status":"wrap-up","subject":"","channel":"sms","role":"consult","lastSeq":0}]}
answer.conversations.id0.customer.0 {"type":"ack","id":"r\"1\u0007","conversations":[{"conversationId":"c12","status":"active","subject":"Where \"is\" it","channel":"livechat","role":"agent","lastSeq":14},{"conversationId":"c15","status":"wrap-up","subject":"","channel":"sms","role":"consult","lastSeq":0}]}
answer.conversations-empty.id0.staff.0 {"type":"ack","id":"r\"1\u0007","conversations":[]}
answer.conversations-empty.id0.customer.0 {"type":"ack","id":"r\"1\u0007","conversations":[]}
ack.done.id0 {"type":"ack","id":"r\"1\u0007"}
ack.replayed.id0 {"type":"ack","id":"r\"1\u0007","replayed":3}
ack.replayed-zero.id0 {"type":"ack","id":"r\"1\u0007","replayed":0}
ack.assigned-zero.id0 {"type":"ack","id":"r\"1\u0007","capacityExceededBy":0}
error.0.id0 {"type":"error","id":"r\"1\u0007","code":"not_found","message":"No \"such\" conversation\n"}
error.1.id0 {"type":"error","id":"r\"1\u0007","code":"invalid_message","message":""}
answer.done.id1.staff.0 {"type":"ack","id":-5}
answer.done.id1.customer.0 {"type":"ack","id":-5}
answer.started.id1.staff.0 {"type":"ack","id":-5,"conversationId":"c9"}
answer.started.id1.customer.0 {"type":"ack","id":-5,"conversationId":"c9"}
answer.accepted.id1.staff.0 {"type":"ack","id":-5,"seq":42}
answer.accepted.id1.customer.0 {"type":"ack","id":-5,"seq":42}
answer.accepted-max.id1.staff.0 {"type":"ack","id":-5,"seq":9223372036854775807}
answer.accepted-max.id1.customer.0 {"type":"ack","id":-5,"seq":9223372036854775807}
answer.offer.id1.staff.0 {"type":"ack","id":-5,"offerId":"o3"}
answer.offer.id1.customer.0 {"type":"ack","id":-5,"offerId":"o3"}
answer.assigned.id1.staff.0 {"type":"ack","id":-5,"capacityExceededBy":2}
answer.assigned.id1.customer.0 {"type":"ack","id":-5,"capacityExceededBy":2}
answer.history.id1.staff.0 {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","queueId":"general","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
answer.history.id1.staff.1 {"type":"message","conversationId":"c7","seq":2,"at":1700000123456,"senderId":"alice","senderRole":"agent","text":"line\nbreak","visibility":"internal"}
answer.history.id1.staff.2 {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
answer.history.id1.staff.3 {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
answer.history.id1.staff.4 {"type":"ack","id":-5,"replayed":4}
answer.history.id1.customer.0 {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
answer.history.id1.customer.1 {"type":"message","conversationId":"c7","seq":2,"at":1700000123456,"senderId":"alice","senderRole":"agent","text":"line\nbreak","visibility":"internal"}
answer.history.id1.customer.2 {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
answer.history.id1.customer.3 {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
answer.history.id1.customer.4 {"type":"ack","id":-5,"replayed":4}
answer.history-empty.id1.staff.0 {"type":"ack","id":-5,"replayed":0}
answer.history-empty.id1.customer.0 {"type":"ack","id":-5,"replayed":0}
answer.report.id1.staff.0 {"type":"report.snapshot","rows":[{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"},{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}]}
answer.report.id1.staff.1 {"type":"ack","id":-5}
answer.report.id1.customer.0 {"type":"report.snapshot","rows":[{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"},{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}]}
answer.report.id1.customer.1 {"type":"ack","id":-5}
answer.report-empty.id1.staff.0 {"type":"report.snapshot","rows":[]}
answer.report-empty.id1.staff.1 {"type":"ack","id":-5}
answer.report-empty.id1.customer.0 {"type":"report.snapshot","rows":[]}
answer.report-empty.id1.customer.1 {"type":"ack","id":-5}
answer.agents.id1.staff.0 {"type":"agents.snapshot","agents":[{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}]}
answer.agents.id1.staff.1 {"type":"ack","id":-5}
answer.agents.id1.customer.0 {"type":"agents.snapshot","agents":[{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}]}
answer.agents.id1.customer.1 {"type":"ack","id":-5}
answer.agents-empty.id1.staff.0 {"type":"agents.snapshot","agents":[]}
answer.agents-empty.id1.staff.1 {"type":"ack","id":-5}
answer.agents-empty.id1.customer.0 {"type":"agents.snapshot","agents":[]}
answer.agents-empty.id1.customer.1 {"type":"ack","id":-5}
answer.settings.id1.staff.0 {"type":"ack","id":-5,"settings":{"supervisorMonitor":true,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":true}}
answer.settings.id1.customer.0 {"type":"ack","id":-5,"settings":{"supervisorMonitor":true,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":true}}
answer.conversations.id1.staff.0 {"type":"ack","id":-5,"conversations":[{"conversationId":"c12","status":"active","subject":"Where \"is\" it","channel":"livechat","role":"agent","lastSeq":14},{"conversationId":"c15","status":"wrap-up","subject":"","channel":"sms","role":"consult","lastSeq":0}]}
answer.conversations.id1.customer.0 {"type":"ack","id":-5,"conversations":[{"conversationId":"c12","status":"active","subject":"Where \"is\" it","channel":"livechat","role":"agent","lastSeq":14},{"conversationId":"c15","status":"wrap-up","subject":"","channel":"sms","role":"consult","lastSeq":0}]}
answer.conversations-empty.id1.staff.0 {"type":"ack","id":-5,"conversations":[]}
answer.conversations-empty.id1.customer.0 {"type":"ack","id":-5,"conversations":[]}
ack.done.id1 {"type":"ack","id":-5}
ack.replayed.id1 {"type":"ack","id":-5,"replayed":3}
ack.replayed-zero.id1 {"type":"ack","id":-5,"replayed":0}
ack.assigned-zero.id1 {"type":"ack","id":-5,"capacityExceededBy":0}
error.0.id1 {"type":"error","id":-5,"code":"not_found","message":"No \"such\" conversation\n"}
error.1.id1 {"type":"error","id":-5,"code":"invalid_message","message":""}
answer.done.id2.staff.0 {"type":"ack","id":9223372036854775807}
answer.done.id2.customer.0 {"type":"ack","id":9223372036854775807}
answer.started.id2.staff.0 {"type":"ack","id":9223372036854775807,"conversationId":"c9"}
answer.started.id2.customer.0 {"type":"ack","id":9223372036854775807,"conversationId":"c9"}
answer.accepted.id2.staff.0 {"type":"ack","id":9223372036854775807,"seq":42}
answer.accepted.id2.customer.0 {"type":"ack","id":9223372036854775807,"seq":42}
answer.accepted-max.id2.staff.0 {"type":"ack","id":9223372036854775807,"seq":9223372036854775807}
answer.accepted-max.id2.customer.0 {"type":"ack","id":9223372036854775807,"seq":9223372036854775807}
answer.offer.id2.staff.0 {"type":"ack","id":9223372036854775807,"offerId":"o3"}
answer.offer.id2.customer.0 {"type":"ack","id":9223372036854775807,"offerId":"o3"}
answer.assigned.id2.staff.0 {"type":"ack","id":9223372036854775807,"capacityExceededBy":2}
answer.assigned.id2.customer.0 {"type":"ack","id":9223372036854775807,"capacityExceededBy":2}
answer.history.id2.staff.0 {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","queueId":"general","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
answer.history.id2.staff.1 {"type":"message","conversationId":"c7","seq":2,"at":1700000123456,"senderId":"alice","senderRole":"agent","text":"line\nbreak","visibility":"internal"}
answer.history.id2.staff.2 {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
answer.history.id2.staff.3 {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
answer.history.id2.staff.4 {"type":"ack","id":9223372036854775807,"replayed":4}
answer.history.id2.customer.0 {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
answer.history.id2.customer.1 {"type":"message","conversationId":"c7","seq":2,"at":1700000123456,"senderId":"alice","senderRole":"agent","text":"line\nbreak","visibility":"internal"}
answer.history.id2.customer.2 {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
answer.history.id2.customer.3 {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
answer.history.id2.customer.4 {"type":"ack","id":9223372036854775807,"replayed":4}
answer.history-empty.id2.staff.0 {"type":"ack","id":9223372036854775807,"replayed":0}
answer.history-empty.id2.customer.0 {"type":"ack","id":9223372036854775807,"replayed":0}
answer.report.id2.staff.0 {"type":"report.snapshot","rows":[{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"},{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}]}
answer.report.id2.staff.1 {"type":"ack","id":9223372036854775807}
answer.report.id2.customer.0 {"type":"report.snapshot","rows":[{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"},{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}]}
answer.report.id2.customer.1 {"type":"ack","id":9223372036854775807}
answer.report-empty.id2.staff.0 {"type":"report.snapshot","rows":[]}
answer.report-empty.id2.staff.1 {"type":"ack","id":9223372036854775807}
answer.report-empty.id2.customer.0 {"type":"report.snapshot","rows":[]}
answer.report-empty.id2.customer.1 {"type":"ack","id":9223372036854775807}
answer.agents.id2.staff.0 {"type":"agents.snapshot","agents":[{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}]}
answer.agents.id2.staff.1 {"type":"ack","id":9223372036854775807}
answer.agents.id2.customer.0 {"type":"agents.snapshot","agents":[{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}]}
answer.agents.id2.customer.1 {"type":"ack","id":9223372036854775807}
answer.agents-empty.id2.staff.0 {"type":"agents.snapshot","agents":[]}
answer.agents-empty.id2.staff.1 {"type":"ack","id":9223372036854775807}
answer.agents-empty.id2.customer.0 {"type":"agents.snapshot","agents":[]}
answer.agents-empty.id2.customer.1 {"type":"ack","id":9223372036854775807}
answer.settings.id2.staff.0 {"type":"ack","id":9223372036854775807,"settings":{"supervisorMonitor":true,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":true}}
answer.settings.id2.customer.0 {"type":"ack","id":9223372036854775807,"settings":{"supervisorMonitor":true,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":true}}
answer.conversations.id2.staff.0 {"type":"ack","id":9223372036854775807,"conversations":[{"conversationId":"c12","status":"active","subject":"Where \"is\" it","channel":"livechat","role":"agent","lastSeq":14},{"conversationId":"c15","status":"wrap-up","subject":"","channel":"sms","role":"consult","lastSeq":0}]}
answer.conversations.id2.customer.0 {"type":"ack","id":9223372036854775807,"conversations":[{"conversationId":"c12","status":"active","subject":"Where \"is\" it","channel":"livechat","role":"agent","lastSeq":14},{"conversationId":"c15","status":"wrap-up","subject":"","channel":"sms","role":"consult","lastSeq":0}]}
answer.conversations-empty.id2.staff.0 {"type":"ack","id":9223372036854775807,"conversations":[]}
answer.conversations-empty.id2.customer.0 {"type":"ack","id":9223372036854775807,"conversations":[]}
ack.done.id2 {"type":"ack","id":9223372036854775807}
ack.replayed.id2 {"type":"ack","id":9223372036854775807,"replayed":3}
ack.replayed-zero.id2 {"type":"ack","id":9223372036854775807,"replayed":0}
ack.assigned-zero.id2 {"type":"ack","id":9223372036854775807,"capacityExceededBy":0}
error.0.id2 {"type":"error","id":9223372036854775807,"code":"not_found","message":"No \"such\" conversation\n"}
error.1.id2 {"type":"error","id":9223372036854775807,"code":"invalid_message","message":""}
answer.done.id3.staff.0 {"type":"ack"}
answer.done.id3.customer.0 {"type":"ack"}
answer.started.id3.staff.0 {"type":"ack","conversationId":"c9"}
answer.started.id3.customer.0 {"type":"ack","conversationId":"c9"}
answer.accepted.id3.staff.0 {"type":"ack","seq":42}
answer.accepted.id3.customer.0 {"type":"ack","seq":42}
answer.accepted-max.id3.staff.0 {"type":"ack","seq":9223372036854775807}
answer.accepted-max.id3.customer.0 {"type":"ack","seq":9223372036854775807}
answer.offer.id3.staff.0 {"type":"ack","offerId":"o3"}
answer.offer.id3.customer.0 {"type":"ack","offerId":"o3"}
answer.assigned.id3.staff.0 {"type":"ack","capacityExceededBy":2}
answer.assigned.id3.customer.0 {"type":"ack","capacityExceededBy":2}
answer.history.id3.staff.0 {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","queueId":"general","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
answer.history.id3.staff.1 {"type":"message","conversationId":"c7","seq":2,"at":1700000123456,"senderId":"alice","senderRole":"agent","text":"line\nbreak","visibility":"internal"}
answer.history.id3.staff.2 {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
answer.history.id3.staff.3 {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
answer.history.id3.staff.4 {"type":"ack","replayed":4}
answer.history.id3.customer.0 {"type":"conversation.updated","conversationId":"c7","seq":1,"at":1700000123456,"reason":"started","status":"open","mode":"text","subject":"Refund \"quoted\" \\ ünïcode 🙂","channel":"livechat","customerId":"customer-1"}
answer.history.id3.customer.1 {"type":"message","conversationId":"c7","seq":2,"at":1700000123456,"senderId":"alice","senderRole":"agent","text":"line\nbreak","visibility":"internal"}
answer.history.id3.customer.2 {"type":"message","conversationId":"c7","seq":3,"at":1700000123456,"senderId":"customer-1","senderRole":"customer","text":"hi","visibility":"public","clientMsgId":"m-1"}
answer.history.id3.customer.3 {"type":"participant.joined","conversationId":"c7","seq":4,"at":1700000123456,"userId":"alice","role":"agent"}
answer.history.id3.customer.4 {"type":"ack","replayed":4}
answer.history-empty.id3.staff.0 {"type":"ack","replayed":0}
answer.history-empty.id3.customer.0 {"type":"ack","replayed":0}
answer.report.id3.staff.0 {"type":"report.snapshot","rows":[{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"},{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}]}
answer.report.id3.staff.1 {"type":"ack"}
answer.report.id3.customer.0 {"type":"report.snapshot","rows":[{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"},{"conversationId":"c1","subject":"s","customerId":"cara","status":"open","queueId":"q","channel":"livechat","createdAt":1700000123456,"waitSeconds":0,"handleSeconds":0,"participantCount":1,"sentiment":"neutral"}]}
answer.report.id3.customer.1 {"type":"ack"}
answer.report-empty.id3.staff.0 {"type":"report.snapshot","rows":[]}
answer.report-empty.id3.staff.1 {"type":"ack"}
answer.report-empty.id3.customer.0 {"type":"report.snapshot","rows":[]}
answer.report-empty.id3.customer.1 {"type":"ack"}
answer.agents.id3.staff.0 {"type":"agents.snapshot","agents":[{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}]}
answer.agents.id3.staff.1 {"type":"ack"}
answer.agents.id3.customer.0 {"type":"agents.snapshot","agents":[{"agentId":"a","name":"A","presence":"available","capacityUsed":1,"capacity":2,"conversationIds":["c1"]}]}
answer.agents.id3.customer.1 {"type":"ack"}
answer.agents-empty.id3.staff.0 {"type":"agents.snapshot","agents":[]}
answer.agents-empty.id3.staff.1 {"type":"ack"}
answer.agents-empty.id3.customer.0 {"type":"agents.snapshot","agents":[]}
answer.agents-empty.id3.customer.1 {"type":"ack"}
answer.settings.id3.staff.0 {"type":"ack","settings":{"supervisorMonitor":true,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":true}}
answer.settings.id3.customer.0 {"type":"ack","settings":{"supervisorMonitor":true,"supervisorAssign":false,"supervisorTransfer":false,"supervisorForceClose":true}}
answer.conversations.id3.staff.0 {"type":"ack","conversations":[{"conversationId":"c12","status":"active","subject":"Where \"is\" it","channel":"livechat","role":"agent","lastSeq":14},{"conversationId":"c15","status":"wrap-up","subject":"","channel":"sms","role":"consult","lastSeq":0}]}
answer.conversations.id3.customer.0 {"type":"ack","conversations":[{"conversationId":"c12","status":"active","subject":"Where \"is\" it","channel":"livechat","role":"agent","lastSeq":14},{"conversationId":"c15","status":"wrap-up","subject":"","channel":"sms","role":"consult","lastSeq":0}]}
answer.conversations-empty.id3.staff.0 {"type":"ack","conversations":[]}
answer.conversations-empty.id3.customer.0 {"type":"ack","conversations":[]}
ack.done.id3 {"type":"ack"}
ack.replayed.id3 {"type":"ack","replayed":3}
ack.replayed-zero.id3 {"type":"ack","replayed":0}
ack.assigned-zero.id3 {"type":"ack","capacityExceededBy":0}
error.0.id3 {"type":"error","code":"not_found","message":"No \"such\" conversation\n"}
error.1.id3 {"type":"error","code":"invalid_message","message":""}
welcome {"type":"welcome","sessionId":"s1","user":{"id":"alice","role":"agent","name":"Alice \"A\""},"heartbeatSeconds":30}
value.document {"a\"b":null,"\u0000ctl":true,"ünï":false,"n":-9223372036854775808,"d":-0.5,"list":[1e+300,null,null,0.1,-0.0,0],"empty":[],"o":{}}
writer.primitives [0,1,-1,9,10,99,100,12345,1700000123456,9223372036854775807,-9223372036854775808,-9223372036854775807,9223372036854775807,"\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⟨DEL⟩","🙂é⟨DEL⟩􏿿",{"static":null,"dyn\"amic":""}]
audit.page {"entries":[{"id":1,"at":1700000123456,"userId":"sam","role":"supervisor","name":"Sam Ödegaard","action":"monitor-started","conversationId":"c7","details":{"sessionId":"s1a2b-7"}},{"id":2,"at":1700000123456,"userId":"sam","role":"supervisor","name":"Sam Ödegaard","action":"monitor-stopped","conversationId":"c7","details":{"sessionId":"s1a2b-7","reason":"unmonitored"}},{"id":3,"at":1700000123456,"userId":"sam","role":"supervisor","name":"Sam Ödegaard","action":"monitor-stopped","conversationId":"c7","details":{"sessionId":"s1a2b-8","reason":"conversation-closed"}},{"id":4,"at":1700000123456,"userId":"sam","role":"supervisor","name":"Sam Ödegaard","action":"joined","conversationId":"c7","details":{}},{"id":5,"at":1700000123456,"userId":"sam","role":"supervisor","name":"Sam Ödegaard","action":"left","conversationId":"c7","details":{"reason":"disconnected"}},{"id":6,"at":1700000123456,"userId":"sam","role":"supervisor","name":"Sam Ödegaard","action":"assigned","conversationId":"c8","details":{"agentId":"bob","override":true,"capacityExceededBy":2}},{"id":7,"at":1700000123456,"userId":"sam","role":"supervisor","name":"Sam Ödegaard","action":"assigned","conversationId":"c8","details":{"queueId":"billing","override":false,"capacityExceededBy":0}},{"id":8,"at":1700000123456,"userId":"sam","role":"supervisor","name":"Sam Ödegaard","action":"transferred","conversationId":"c8","details":{"agentId":"alice","offerId":"o9"}},{"id":9,"at":1700000123456,"userId":"sam","role":"supervisor","name":"Sam Ödegaard","action":"transferred","conversationId":"c8","details":{"queueId":"general"}},{"id":10,"at":1700000123456,"userId":"sam","role":"supervisor","name":"Sam Ödegaard","action":"force-closed","conversationId":"c8","details":{"reason":"Abusive \"language\" 🙂\nline two"}},{"id":11,"at":1700000123456,"userId":"root","role":"admin","name":"Root Admin","action":"settings-changed","details":{"changes":[{"setting":"supervisorMonitor","from":true,"to":false},{"setting":"supervisorTransfer","from":false,"to":false}]}},{"id":12,"at":1700000123456,"userId":"root","role":"admin","name":"Root Admin","action":"settings-changed","details":{"changes":[]}},{"id":13,"at":1700000123456,"userId":"sam","role":"supervisor","name":"Sam Ödegaard","action":"escalated","conversationId":"c8","details":{"mode":"video"}},{"id":99,"at":1700000200000,"userId":"sue","role":"supervisor","name":"Sue","action":"monitor-stopped","conversationId":"c9","details":{"sessionId":"k","reason":"restart"}}],"next":1700000123456}
audit.page-last {"entries":[],"next":null}
"""#
}
