// Words every customer may use, whatever the restaurant's region: today's Spanish and English.
// Regional words live in es-ES.ts, es-MX.ts, es-AR.ts, es-CO.ts, es-LATAM.ts and en.ts.
import type { Lexicon } from './lexicon.ts';

export const COMMON: Lexicon = {
  fillers: (
      'quiero queria quisiera querria queremos quisieramos pedir pido pedimos hacer encargar encargo pedido orden ' +
      'ponme ponnos pone pones poner ponga pongame pongan dame danos deme da me nos te le les manda mandame mandar mandanos ' +
      'traeme trae traenos por favor porfa porfis porfavor xfa xf pf plis pls please para mi mis tu su ' +
      'tambien tb tmb tbn ademas de del la el los las lo a al en que q k ke hola holi ola buenas buenos buen ' +
      'dias dia tardes noches gracias grax bueno pues ok okay vale eh em ah mmm hey hi hello solo nada tal como ' +
      'estas esta estan sera seria algo tipo unos unas x uds ud unidad unidades u porcion porciones racion raciones ' +
      'plato platos numero num nº n i want would like id d get have can could we us some of the to for order an ' +
      'yo nosotros alli ahi aqui ya mas si seria favor o oye mira hoy ahora luego entonces igual ' +
      'regala regalas regalame regalan mandas traes das pasas pasame vendes venden puedes podes podrias pueden ' +
      'perdon perdona equivoque error sorry oops cambiar cambio espera esperate espere corrijo rectifico realidad ' +
      'final vez lugar mismo misma repite repiteme repetir igual instead same again actually wait ' +
      'teneis tienen tienes tiene hay venden vendeis queda quedan onda quiubo saludos amigo amiga compa jefe bro ' +
      'caballero senorita joven hermano buenazo oiga disculpa disculpe che vos will ill just ' +
      'regaleme regalenme regalame vendeme vendame vendanme mandeme traigame traiganme deme denme necesito necesitamos ' +
      'gustaria encantaria podria podrian podrias puede puedo podes mandas mandame porfavorcito ' +
      // "me traen 2 del 1", "¿me mandan…?", "ocupo 3 tacos" (Mexico): verbs of asking for an order;
      // "Entrega a domicilio …" heads the delivery part of a message.
      'entrega entregar entregadlo entreguen entregalo ' +
      'traen traeis traigan traiga traigas traigais mandan mandais manden mandes envian enviais envien envies envias enviame ' +
      'llevan llevais lleven llevas llevame ocupo ocupamos pasan pasais ponen poneis pongais sirven servis sirve sirvame dan den ' +
      'it that those them this these also too more oh hmm ok ' +
      'pero but aunque somos seremos otras otros telefono tlf movil celular whatsapp contacto cuanto cuesta cuestan sale salen precio precios valen debo cobras cobrais cobran es son lleva llevan ingredientes how much cost price'
  ).split(/\s+/),
  sizeWords:
    'grande grandes pequena pequeno pequenas pequenos chica chico chicas chicos mediana mediano medianas medianos fria frio frias frios caliente calientes natural large small medium cold hot'.split(' '),
  people: ['personas', 'persona', 'people', 'comensales', 'adultos', 'ninos', 'pax'],
  noteTriggers: ['sin', 'con', 'extra', 'bien', 'poco', 'muy', 'punto', 'without', 'with', 'well', 'medium', 'rare', 'no'],
  removeWords:
    'quita quitame quitar quitalo quitala quitalos quitalas quitale quitele quiteme quitenme quitenle quiten sacale saquele saqueme saquen elimina eliminame eliminar eliminalo eliminala borra borrame borrar borralo borrala saca sacame sacar cancela cancelame cancelar remove delete drop'.split(' '),
  setWords: 'mejor cambia cambiame cambiar cambialo cambiala cambialas cambialos sean son change make'.split(' '),
  addWords: 'pon ponme ponle anade anademe anadir agrega agregame agregar suma sumale add plus falta faltan faltaria falto olvide olvidaba'.split(' '),
  quantityWords: {
    un: 1, una: 1, uno: 1, otra: 1, otro: 1, one: 1, another: 1,
    dos: 2, two: 2, tres: 3, three: 3, cuatro: 4, four: 4, cinco: 5, five: 5, seis: 6, six: 6,
    siete: 7, seven: 7, ocho: 8, eight: 8, nueve: 9, nine: 9, diez: 10, ten: 10, once: 11,
    eleven: 11, doce: 12, twelve: 12, trece: 13, thirteen: 13, catorce: 14, fourteen: 14, quince: 15,
    fifteen: 15, dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19, veinte: 20, twenty: 20,
    veinticinco: 25, treinta: 30, thirty: 30,
  },
  quantityPhrases: [
    { words: ['half', 'a', 'dozen'], value: 6 },
    { words: ['media', 'docena'], value: 6 },
    { words: ['una', 'docena'], value: 12 },
    { words: ['un', 'par'], value: 2 },
    { words: ['a', 'dozen'], value: 12 },
    { words: ['a', 'couple'], value: 2 },
    { words: ['par'], value: 2 },
    { words: ['docena'], value: 12 },
    { words: ['couple'], value: 2 },
    { words: ['dozen'], value: 12 },
  ],
  oneMoreWords: ['otra', 'otro', 'another'],
  unitWords: [],
  yesStart: [
    'si+', 'sip', 'ok+', 'okay', 'okey', 'oki', 'dale', 'confirm\\w*', 'correct[oa]', 'perfect[oa]?', 'de acuerdo', 'claro(?: que si)?',
    'yes', 'yep', 'yeah', 'yup', 'sure', 'listo', 'adelante', 'exact[oa]', 'exactamente', 'venga', 'orale', 'simon', 'de una', 'afirmativo',
    'por supuesto', 'eso es', 'asi es', 'todo (?:bien|correcto|perfecto)', 'esta bien', 'go ahead', 'sounds good', 'correct', 'right',
  ],
  yesAlone: [
    's', 'va', 'bien', 'genial', 'obvio', 'buenisimo', 'fine', 'great', 'ok ok', 'si si', 'orale', 'sale', 'simon', 'de una', 'hagale',
    'listo pues', 'ok dale', 'okis', 'okk', 'dale dale', 'va que va', 'yes please', 'please do',
  ],
  noStart: ['no+', 'nop', 'nope', 'nel', 'negativo', 'incorrecto', 'nah', 'esta mal', 'not really', 'not yet'],
  pickup: [
      '(?:para |a )?recoger(?:lo|la|los|las)?',
      '(?:lo |la |los |las )?recojo',
      'recogida',
      'recogemos',
      '(?:lo |la )?(?:paso|pasare|pasamos|voy|vamos|vengo|vendre) (?:yo )?(?:a )?(?:buscar|recoger|retirar|por)(?:lo|la|los|las)?(?: (?:el|al|la) (?:local|restaurante))?(?: (?:ellos|ellas|ella|el)(?!\\p{L}))?',
      '(?:lo |la )?(?:busco|retiro|recojo|recogo|recoj[oe]r?)',
      '(?:voy|paso|vamos|vengo|pasamos) yo',
      '(?:me lo|nos lo|lo) (?:llevo|llevamos) (?:yo|nosotros)',
      'recojer(?:lo|la)?',
      'en (?:la )?tienda',
      'en el (?:restaurante|bar)',
      'take ?out',
      // "para llevar" is take-away; "para llevar a calle Sol 3" / "a casa" is a delivery.
      "pa(?:ra|')? ?llevar(?!\\s+(?:a|al|hasta)\\s)",
      "pa'? ?recoger",
      'para (?:comer|tomar) (?:aqui|alli|ahi|en el local)',
      'to go',
      'carry ?out',
      "(?:i'?ll |i will |we'?ll |we will )?(?:come|go|swing by) (?:and |to )?(?:get|pick|grab|collect)(?: it| them| the order)?(?: up)?",
      'pick (?:it |them )?up',
      'en el local',
      'en local',
      'retirar(?:lo)?(?: en (?:el )?local)?',
      'take ?away',
      'pick ?up',
      'pickup',
      'collect(?:ion)?',
      'i\'?ll collect',
  ],
  delivery: [
      // domicilio and its usual typos: domisilio, domicilo, domiclio.
      '(?:a |para |con |por )?domi[csz]i?li?o',
      'a (?:mi )?casa',
      'envio',
      'enviar(?:lo|melo)?',
      'envia(?:lo|melo)',
      '(?:manda|mandad|mande|llevad|lleva|trae|traed|traiga)(?:melo|mela|noslo|lo)',
      'envien(?:lo|melo)?',
      'que me lo (?:traigan|traigais|traes|traen|lleven|llevan|envien|manden|mandeis)',
      '(?:me|nos) (?:lo|la|los|las) (?:traen|traeis|traes|traigan|llevan|lleven|llevas|llevais|mandan|mandas|mandais|envian|envias|enviais)',
      'traigan(?:lo|melo)',
      'lleven(?:lo|melo)',
      'deliver[iy]|delibery',
      'deliver(?:ed)?(?: it)?',
      'reparto',
      'home delivery',
      'to my (?:house|home|place|address)',
  ],
  focusWords: 'va dale sale orale listo perfecto genial entonces pues llevo llevare quiero cool sweet nice great awesome take ill ll gimme then alright'.split(' '),
  // Asking for a person: a verb of talking or passing the chat, then who ("una persona", "el
  // encargado", "alguien", "a human"); regional verbs are in each region's file.
  handoff: [
    '(?:hablar|habla|hablo|pasar|pasa|pasarnos|comunicarme|comunicar|comunicame|comunicas|comunicarias|contactar|pasame|pasarme|pasas|pasarias|pases|ponme|pongame|ponerme|quiero|necesito|llamar|puedo hablar|transferir|transfiereme|comuniqueme|comunica|comunican|me comunica)\\s+(?:con\\s+)?(?:a\\s+)?(?:una?\\s+|el\\s+|la\\s+|alguna?\\s+)?(?:persona|humano|alguien|agente|encargad[oa]|responsable|camarer[oa]|operador[a]?|duen[oa]|gerente|empleado|administrador[a]?|admin|asesor[a]?)',
    'atencion al cliente',
    'servicio al cliente',
    'persona real',
    'ser humano',
    '(?:talk|speak|chat)\\s+(?:to|with)\\s+(?:a |an |the )?(?:human|person|someone|somebody|agent|manager|staff|real person|owner)',
    '(?:get|put|transfer|connect) me (?:to|with|through to) (?:a |an |the )?(?:human|person|someone|somebody|agent|manager|staff)',
    'real person',
    'human agent',
    'customer service',
  ],
  payments: {
    cash: ['efe[ck]?ti[vb]o', 'metalico', 'cash', 'al contado', 'contado', 'en mano', 'billetes?', 'contra ?entrega'],
    card: ['tar[jg]e?ta(?: de credito| de debito)?', 'tarj', 'datafono', 'tpv', 'card', 'credit card', 'debit card', 'visa', 'mastercard', 'amex', 'apple pay', 'google pay', 'contactless', 'sin contacto'],
    bizum: ['bi[sz]um'],
    transfer: ['tra[n]?s?ferencia(?: bancaria)?', 'transfe', 'bank transfer', 'transfer', 'wire'],
    // Named anywhere, so a restaurant that does not take them can say so.
    mercadopago: ['mercado ?pa?go'],
    paypal: ['paypal', 'pay pal'],
  },
};
