// The demo petition, copied as data from a real petition page ("Protect Connecticut Residents from
// Deportation"): each paragraph once, English and Spanish as two translations of one petition.
// The Spanish title and target name are translations made for Firma; every other text is the original's.
import type { NewPetition } from '../petitions/petition-store.js';

export const DEMO_SLUG = 'ct-trust-act';

export function ctTrustActPetition(now: string): NewPetition {
  return {
    slug: DEMO_SLUG,
    status: 'open',
    defaultLocale: 'en',
    country: 'US',
    deliveryMethod: 'by_hand',
    now,
    targets: [{ names: { en: 'Connecticut General Assembly', es: 'Asamblea General de Connecticut' } }],
    texts: {
      en: {
        title: 'Protect Connecticut Residents from Deportation: Support the Connecticut Trust Act!',
        statement:
          'Pass the 2018 Connecticut Trust Act that would further limit cooperation between local law enforcement and federal deportation efforts. This would protect state residents from falling victims of the deportation dragnet.',
        why: [
          'As a result of years of organizing against the harmful cooperation between ICE and law enforcement, in 2013, Connecticut made progress by passing the TRUST ACT, which prohibits local and state law enforcement from holding individuals so that Immigration Customs Enforcement (ICE) could arrest them. In 2015, the Department of Correction amended Administrative Directive 9.3. to further limited the cooperation between DOC staff and ICE.',
          'However, both the Trust Act and the Administrative Directive contain many loopholes which still allow law enforcement to hold people at the request of ICE without due process. Courts all over the country have held that holding an individual solely on the basis of an immigration detainer (which is a request not a warrant) is unconstitutional.',
          'Furthermore, the state of Connecticut is continuing to misuse resources and undermine trust between local communities and law enforcement. Connecticut officers are still heavily communicating with ICE about release dates, immigration status and other personal information. This discretion has proven extremely problematic especially because it ultimately leads to the individual’s arrest.',
          'We have proven cases of people all over the state who have been violently removed from our communities because they had some interaction with the justice system and staff (either DOC, Judicial Marshals, State Police, Probation Officers, etc.) were complicit in their arrest by ICE. Most recently, the staff at York Correctional delayed a bond out process while they communicated with ICE in order to transfer custody of two immigrant women.',
          'Finally, we must stop the ICE from entering DOC facilities and Judicial Marshal holding cells. ICE agents are using deceptive practices to elicit information to arrest individuals and place them in removal proceedings. Individuals in custody have reported that ICE agents questioned them without identifying themselves as such, or, worse still, completely misrepresenting their identity. This type of enforcement creates mistrust, stress, and anxiety in people under our state custody and should have no place in our state.',
          'For that reason, we support reforming the Connecticut Trust Act in the 2018 Connecticut Legislative Session. Among some of the changes to the Trust Act include: 1) stop honoring immigration detainers unless they are accompanied by a judicial warrant; 2) communication between ICE and our state law enforcement should be limited; 3)ICE interrogations and interviews should not take place inside our DOC facilities.',
          'The Trump administration is doubling down its efforts to persecute our friends and neighbors. As a state, we can do more to protect all of our residents. We urge members of the Connecticut General Assembly to support and protect the immigrant community in Connecticut by supporting the 2018 Trust Act.',
        ].join('\n\n'),
        deliveryDetails: '',
      },
      es: {
        title:
          'Protejan a los residentes de Connecticut de la deportación: ¡Apoyen la Ley de Confianza de Connecticut!',
        statement:
          'Aprueben la Ley de Confianza 2018, que limitaría aún más la cooperación entre la policía local e inmigración. Esto protegería a los residentes del estado de convertirse en víctimas de la red de deportación.',
        why: [
          'Como resultado de años de lucha donde la comunidad se organizó en contra de la cooperación dañina entre la migra y la policía local, en el 2013 Connecticut dio un paso adelante pasando la Ley de Confianza. Esta ley prohíbe que la policía y otros oficiales detuvieran a las personas para que la migra los arrestara. En el 2015, el Departamento de Corrección enmendó su Directriz Administrativa 9.3 para limitar aún más la cooperación entre los empleados del departamento e Inmigración.',
          'Sin embargo, tanto la Ley de Confianza como la Directriz Administrativa contienen varios tecnicismos que permiten que la policía aguante a algunas personas para que Inmigración los arreste sin el debido proceso de ley. Varias cortes en todo el país han confirmado que detener a personas solo en respuesta a lo que se conoce como un “immigration hold/detainer” es inconstitucional.',
          'Además, el estado de Connecticut continua mal utilizando recursos del estado y como consecuencia socavando la confianza entre las comunidades locales y la policía. La policía en Connecticut se está comunicando con inmigración frecuentemente. Particularmente les dejan saber las fechas de liberación, el estatus migratorio y otra información personal. Esta discreción ha sido extremadamente problemática ya que ha llevado eventualmente a que se le arreste a la persona.',
          'Conocemos de casos por todo el estado donde a las personas se les ha removida de nuestra comunidad ya que han tenido algún tipo de interacción con el Sistema Judicial y sus empleados (ya sea por medio del Departamento de Corrección, los Marshals Judiciales, la Policía Estatal y Oficiales de Probatoria). Recientemente, los empleados de la prisión de York retrasaron el pago de una fianza de dos mujeres inmigrantes con el simple propósito de que la migra se las llevara.',
          'Finalmente, debemos exigir que la migra deje de entrar en las prisiones del Departamento de Corrección y las cárceles de los Marshals Judiciales. Los agentes de inmigración utilizan prácticas engañosas para obtener información de las personas y arrestarlas. Individuos que han estado en las cárceles de Connecticut han reportado que los agentes de Inmigración los interrogaron sin identificarse, o, peor aún, se hicieron pasar por otra persona. Este tipo de práctica crear desconfianza, estrés, y ansiedad en las personas que están bajo la custodia del estado y no deben llevarse a cabo en nuestro estado.',
          'Por esta razón, apoyamos reformar el Acta de Confianza en la Sesión Legislativa 2018 de Connecticut. Algunos de los cambios que se proponen son: 1) dejar de honrar los “immigration detainers” a menos que vengan acompañados de una orden de arresto firmada por un juez ;) la comunicación entre la migra y la policía debe ser limitada; 2) Las interrogaciones de la Migra no deben llevarse a cabo en las prisiones del Departamento de Corrección.',
        ].join('\n\n'),
        deliveryDetails: '',
      },
    },
  };
}
